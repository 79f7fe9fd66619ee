package vn.smsgw.gateway.simulator;

/**
 * How the message id appears in the text of a delivery receipt. The submit_sm_resp and the receipted_message_id TLV
 * always carry the id in hex; both text variants occur at real SMSCs.
 */
public enum ReceiptIdFormat {
    /** The same hex string as in the submit_sm_resp. */
    HEX,
    /** The hex id read as a number and written in decimal. */
    DECIMAL;

    /** The id as it appears in the receipt text, {@code hexId} being the submit_sm_resp message id. */
    String format(String hexId) {
        return this == HEX ? hexId : Long.toString(Long.parseLong(hexId, 16));
    }
}
