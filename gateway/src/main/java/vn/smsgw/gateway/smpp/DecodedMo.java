package vn.smsgw.gateway.smpp;

import java.util.Objects;
import vn.smsgw.dispatch.intake.ConcatKey;
import vn.smsgw.dispatch.intake.PartContent;

/** What a deliver_sm turned out to be: a text, a part of one, binary data, a delivery receipt, or none of these. */
public sealed interface DecodedMo {

    /** The deliver_sm_resp command_status this outcome is answered with. */
    default CommandStatus commandStatus() {
        return CommandStatus.ESME_ROK;
    }

    /** A complete MO text, ready for the report parser. */
    record Whole(String text) implements DecodedMo {
        /** Checks for null. */
        public Whole {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * One part of a concatenated MO text (UDH or SAR): its octets after the UDH in their text coding, decoded by intake
     * once joined with the other parts' octets.
     *
     * @param seq 1 to {@code key.total()}
     */
    record Part(ConcatKey key, int seq, PartContent.Text content) implements DecodedMo {
        /** Checks that seq is within the total. */
        public Part {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(content, "content");
            if (seq < 1 || seq > key.total()) {
                throw new IllegalArgumentException("part " + seq + " of " + key.total());
            }
        }
    }

    /**
     * Content in a binary or unsupported data_coding, kept as lowercase hex of the whole user data (UDH included).
     * It is answered with help once: when {@code seq} is 1.
     *
     * @param dataCoding the data_coding octet as received
     * @param seq        part number, 1 when not concatenated
     * @param total      number of parts, 1 when not concatenated
     */
    record Binary(byte dataCoding, String hex, int seq, int total) implements DecodedMo {
        /** Checks the part numbers. */
        public Binary {
            Objects.requireNonNull(hex, "hex");
            if (total < 1 || seq < 1 || seq > total) {
                throw new IllegalArgumentException("part " + seq + " of " + total);
            }
        }
    }

    /** A delivery receipt (esm_class SMSC delivery receipt or intermediate notification): not for the parser. */
    record Receipt(DeliveryReceipt receipt) implements DecodedMo {
        /** Checks for null. */
        public Receipt {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * A deliver_sm that cannot be decoded (broken UDH, bad SAR lengths, a receipt without id) or is of a message type
     * smsgw does not take (an SME acknowledgement, a conversation abort, a reserved type); answered with an error.
     */
    record Malformed(String reason, CommandStatus status) implements DecodedMo {
        /** Checks that the status is an error. */
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            if (Objects.requireNonNull(status, "status") == CommandStatus.ESME_ROK) {
                throw new IllegalArgumentException("a malformed deliver_sm is not answered with ESME_ROK");
            }
        }

        @Override
        public CommandStatus commandStatus() {
            return status;
        }
    }
}
