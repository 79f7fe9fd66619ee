package vn.smsgw.gateway.interop;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.SmppInvalidArgumentException;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.joda.time.DateTime;

/**
 * The delivery receipt of a submit_sm as cloudhopper-smpp writes it: esm_class 0x04, the SMPP 3.4 Appendix B text
 * from cloudhopper's DeliveryReceipt ({@code id:... sub:001 dlvrd:001 submit date:... done date:... stat:DELIVRD
 * err:000 text:...}) and the receipted_message_id TLV, but no message_state TLV, so the state is read from the text.
 */
final class CloudhopperReceipts {

    private CloudhopperReceipts() {
    }

    /** The receipt reporting {@code submit}, answered with {@code messageId}, delivered now. */
    static DeliverSm delivered(SubmitSm submit, String messageId, DateTime submitted)
            throws SmppInvalidArgumentException {
        DeliverSm receipt = new DeliverSm();
        receipt.setSourceAddress(submit.getDestAddress());
        receipt.setDestAddress(submit.getSourceAddress());
        receipt.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        String text = new DeliveryReceipt(messageId, 1, 1, submitted, DateTime.now(), SmppConstants.STATE_DELIVERED,
                0, text(submit)).toShortMessage();
        receipt.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        receipt.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID,
                (messageId + "\0").getBytes(StandardCharsets.US_ASCII)));
        return receipt;
    }

    /** The text of a submit_sm after its UDH, decoded by its data_coding with cloudhopper's charsets. */
    static String text(SubmitSm submit) {
        byte[] userData = submit.getShortMessage();
        if ((submit.getEsmClass() & SmppConstants.ESM_CLASS_UDHI_MASK) != 0 && userData.length > 0) {
            userData = Arrays.copyOfRange(userData, (userData[0] & 0xFF) + 1, userData.length);
        }
        return switch (submit.getDataCoding()) {
            case SmppConstants.DATA_CODING_DEFAULT -> CharsetUtil.decode(userData, CharsetUtil.CHARSET_GSM);
            case SmppConstants.DATA_CODING_UCS2 -> CharsetUtil.decode(userData, CharsetUtil.CHARSET_UCS_2);
            default -> CharsetUtil.decode(userData, CharsetUtil.CHARSET_ISO_8859_1);
        };
    }
}
