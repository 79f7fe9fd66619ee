package vn.smsgw.gateway.smpp;

import java.util.Locale;
import java.util.Optional;

/** The state of a submitted message as a delivery receipt reports it (SMPP 3.4 §5.2.28 message_state). */
public enum ReceiptState {
    ENROUTE(1),
    DELIVERED(2),
    EXPIRED(3),
    DELETED(4),
    UNDELIVERABLE(5),
    ACCEPTED(6),
    UNKNOWN(7),
    REJECTED(8);

    /*
     * Vendor stat: values seen besides the SMPP abbreviations: full words (DELIVERED, ACCEPTED, UNDELIVERABLE,
     * UNDELIVERED, REJECTED), FAILED, lower case, and the numeric message_state. message_state 0 (SCHEDULED, SMPP
     * 5.0) is still on its way, so ENROUTE; 9 (SKIPPED) will never be delivered, so UNDELIVERABLE. Anything else,
     * or no stat at all, is unread by readStat: a vendor's intermediate word (SENT, SUBMITD) must not end a message
     * that a later receipt would settle.
     */

    private final int messageState;

    ReceiptState(int messageState) {
        this.messageState = messageState;
    }

    /** The message_state TLV value of this state. */
    public int messageState() {
        return messageState;
    }

    /** Whether the message will not change state again (every state but ENROUTE, as in SMPP 3.4 §2.8). */
    public boolean isFinal() {
        return this != ENROUTE;
    }

    /** The state of a message_state TLV value; never fails. */
    public static ReceiptState fromMessageState(int value) {
        if (value == 0) {
            return ENROUTE;
        }
        if (value == 9) {
            return UNDELIVERABLE;
        }
        for (ReceiptState state : values()) {
            if (state.messageState == value) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /**
     * The state a receipt text's stat: value names, in any case and vendor spelling (an SMPP abbreviation, a full word,
     * a message_state number from 0 to 9, UNKNOWN itself); empty for anything else and for no value.
     */
    public static Optional<ReceiptState> readStat(String stat) {
        String value = stat.trim().toUpperCase(Locale.ROOT);
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int n = value.length() <= 3 ? Integer.parseInt(value) : -1;
            return n >= 0 && n <= 9 ? Optional.of(fromMessageState(n)) : Optional.empty();
        }
        return Optional.ofNullable(switch (value) {
            case "DELIVRD", "DELIVERED", "DELIVER" -> DELIVERED;
            case "EXPIRED", "EXPIRD" -> EXPIRED;
            case "DELETED", "DELETD" -> DELETED;
            case "UNDELIV", "UNDELIVERABLE", "UNDELIVERED", "UNDELIVRD", "FAILED", "FAIL" -> UNDELIVERABLE;
            case "ACCEPTD", "ACCEPTED" -> ACCEPTED;
            case "REJECTD", "REJECTED", "REJECT" -> REJECTED;
            case "ENROUTE", "EN_ROUTE", "SCHEDULED", "BUFFERED" -> ENROUTE;
            case "UNKNOWN", "UNKNOWN_STATE" -> UNKNOWN;
            default -> null;
        });
    }
}
