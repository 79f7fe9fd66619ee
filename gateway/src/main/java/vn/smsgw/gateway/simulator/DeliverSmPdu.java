package vn.smsgw.gateway.simulator;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;

/** The fields of one deliver_sm the simulator sends (an MO part or a delivery receipt); arrays are not copied. */
record DeliverSmPdu(
        Address source,
        Address destination,
        byte esmClass,
        byte dataCoding,
        byte[] shortMessage,
        OptionalParameter[] tlvs) {

    /** An SMPP address with its type of number and numbering plan. */
    record Address(TypeOfNumber ton, NumberingPlanIndicator npi, String digits) {

        /** A subscriber number in international form. */
        static Address international(String digits) {
            return new Address(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits);
        }

        /** A short code. */
        static Address shortCode(String digits) {
            return new Address(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, digits);
        }
    }

    /** Whether esm_class marks this as a delivery receipt. */
    boolean isReceipt() {
        return (esmClass & 0x3C) == 0x04;
    }
}
