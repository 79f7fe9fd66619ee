package vn.smsgw.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jsmpp.bean.OptionalParameter;

/**
 * Builds the delivery receipt deliver_sm for an accepted submit_sm: esm_class 0x04, the de facto text
 * {@code id:… sub:001 dlvrd:001 submit date:yyMMddHHmm done date:yyMMddHHmm stat:DELIVRD err:000 text:…} and, when
 * enabled, the receipted_message_id and message_state TLVs. Dates in the clock's zone. Thread-safe.
 */
final class Receipts {

    private static final byte ESM_DELIVERY_RECEIPT = 0x04;
    private static final byte MESSAGE_STATE_DELIVERED = 2;
    private static final int TEXT_PREVIEW = 20;

    private final Clock clock;
    private final ReceiptIdFormat idFormat;
    private final boolean tlvs;
    private final DateTimeFormatter dates;

    Receipts(Clock clock, ReceiptIdFormat idFormat, boolean tlvs) {
        this.clock = clock;
        this.idFormat = idFormat;
        this.tlvs = tlvs;
        this.dates = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(clock.getZone());
    }

    /** A receipt is due when registered_delivery asks for one on success (bits 0..1 = 01 or 11). */
    static boolean requested(byte registeredDelivery) {
        int receipt = registeredDelivery & 0x03;
        return receipt == 1 || receipt == 3;
    }

    /** Clock time, for the submit date of a receipt. */
    Instant now() {
        return clock.instant();
    }

    DeliverSmPdu receipt(ReceiptRequest request) {
        String text = "id:" + idFormat.format(request.messageId()) + " sub:001 dlvrd:001 submit date:"
                + dates.format(request.submitted()) + " done date:" + dates.format(clock.instant())
                + " stat:DELIVRD err:000 text:" + preview(request.text());
        OptionalParameter[] parameters = tlvs
                ? new OptionalParameter[] {
                    new OptionalParameter.Receipted_message_id(request.messageId()),
                    new OptionalParameter.Message_state(MESSAGE_STATE_DELIVERED)
                }
                : new OptionalParameter[0];
        return new DeliverSmPdu(request.subscriber(), request.sender(), ESM_DELIVERY_RECEIPT, MoEncoder.DCS_GSM,
                text.getBytes(StandardCharsets.US_ASCII), parameters);
    }

    /** The first chars of the message with anything that is not plain in both ASCII and GSM replaced by '?'. */
    private static String preview(String text) {
        StringBuilder preview = new StringBuilder(TEXT_PREVIEW);
        for (int i = 0; i < text.length() && preview.length() < TEXT_PREVIEW; i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || " .,:;-+/!?()'#%&*=<>\"".indexOf(c) >= 0;
            preview.append(plain ? c : '?');
        }
        return preview.toString();
    }

    /**
     * What a receipt needs from its submit_sm.
     *
     * @param messageId  the id answered, hex
     * @param systemId   system_id of the submitting session: the receipt goes to a receiver bound with it
     * @param subscriber the submit_sm's destination, the receipt's source
     * @param sender     the submit_sm's source, the receipt's destination
     * @param text       the submitted text, for the preview
     * @param submitted  when the submit_sm was accepted
     */
    record ReceiptRequest(
            String messageId,
            String systemId,
            DeliverSmPdu.Address subscriber,
            DeliverSmPdu.Address sender,
            String text,
            Instant submitted) {
    }
}
