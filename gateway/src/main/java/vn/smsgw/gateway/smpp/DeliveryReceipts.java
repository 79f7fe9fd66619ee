package vn.smsgw.gateway.smpp;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.smsgw.parser.text.TextCoding;

/**
 * Reads a delivery receipt deliver_sm into a {@link DeliveryReceipt}. Stateless and thread-safe; never throws on
 * content.
 */
public final class DeliveryReceipts {

    /*
     * The receipted_message_id and message_state TLVs win over the text when present. The text follows SMPP 3.4
     * Appendix B, "id:IIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E
     * text: ...", but vendors vary, so it is read leniently: keys in any case and order, "submit_date" for
     * "submit date", missing fields allowed. A key counts only at the start or after white space. Everything after
     * "text:" is the original text, so no keys are looked for after it. id, stat and err take the first token of
     * their value.
     *
     * The text is decoded as ISO-8859-1 (ASCII in practice; every octet maps, NUL included) unless data_coding is
     * UCS-2; the GSM default alphabet would turn '_' and '@' in ids into other characters. jsmpp's own receipt
     * parser is not used: it decodes with the platform charset and throws on any stat value outside its enum.
     *
     * A receipt without an id anywhere cannot update a message, so parse returns empty for it.
     */

    private static final Pattern KEY = Pattern.compile(
            "(?<!\\S)(id|sub|dlvrd|submit[ _]date|done[ _]date|stat|err|text)\\s*:", Pattern.CASE_INSENSITIVE);

    private DeliveryReceipts() {
    }

    /** The receipt in the deliver_sm, or empty when it carries no message id. */
    public static Optional<DeliveryReceipt> parse(MoPdu pdu) {
        Map<String, String> fields = fields(text(pdu));
        String id = receiptedMessageId(pdu.tlvs()).orElse(firstToken(fields.getOrDefault("id", "")));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        // a stat that names no state (none, or a vendor word such as SENT) leaves the message waiting, not ended
        Optional<ReceiptState> read = messageState(pdu.tlvs())
                .or(() -> ReceiptState.readStat(firstToken(fields.getOrDefault("stat", ""))));
        ReceiptState state = read.orElse(ReceiptState.UNKNOWN);
        String error = firstToken(fields.getOrDefault("err", ""));
        if (error.isEmpty()) {
            error = networkErrorCode(pdu.tlvs()).orElse("");
        }
        boolean intermediate = EsmMessageType.fromEsmClass(pdu.esmClass())
                == EsmMessageType.INTERMEDIATE_NOTIFICATION;
        boolean isFinal = !intermediate && read.isPresent() && state.isFinal();
        return Optional.of(new DeliveryReceipt(id, state, error, isFinal, pdu.source(), pdu.destination()));
    }

    /**
     * The fields of a receipt text by lower-case key ("id", "sub", "dlvrd", "submit date", "done date", "stat",
     * "err", "text"), values trimmed; the first occurrence of a key wins.
     */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = KEY.matcher(text);
        if (!matcher.find()) {
            return fields;
        }
        while (true) {
            String key = matcher.group(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            int valueStart = matcher.end();
            boolean last = key.equals("text") || !matcher.find();
            int valueEnd = last ? text.length() : matcher.start();
            fields.putIfAbsent(key, text.substring(valueStart, valueEnd).trim());
            if (last) {
                return fields;
            }
        }
    }

    private static String text(MoPdu pdu) {
        byte[] userData = MoDecoder.userData(pdu);
        if (DataCoding.fromByte(pdu.dataCoding()) == DataCoding.UCS2) {
            return TextCoding.UCS2.decode(userData);
        }
        return new String(userData, StandardCharsets.ISO_8859_1);
    }

    private static Optional<String> receiptedMessageId(Tlvs tlvs) {
        return tlvs.get(TlvTag.RECEIPTED_MESSAGE_ID)
                .map(value -> firstToken(cString(value)))
                .filter(id -> !id.isEmpty());
    }

    private static Optional<ReceiptState> messageState(Tlvs tlvs) {
        // a value outside 0-9 names no state: the text's stat is read instead, as for a TLV not there
        return tlvs.get(TlvTag.MESSAGE_STATE)
                .filter(value -> value.length == 1 && (value[0] & 0xFF) <= 9)
                .map(value -> ReceiptState.fromMessageState(value[0] & 0xFF));
    }

    /** network_error_code: network type octet, then a 2-octet error code, as "type/code" in decimal. */
    private static Optional<String> networkErrorCode(Tlvs tlvs) {
        return tlvs.get(TlvTag.NETWORK_ERROR_CODE)
                .filter(value -> value.length == 3)
                .map(value -> (value[0] & 0xFF) + "/" + ((value[1] & 0xFF) << 8 | value[2] & 0xFF));
    }

    private static String cString(byte[] value) {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static String firstToken(String value) {
        String trimmed = value.trim();
        int space = 0;
        while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))
                && trimmed.charAt(space) != '\0') {
            space++;
        }
        return trimmed.substring(0, space);
    }
}
