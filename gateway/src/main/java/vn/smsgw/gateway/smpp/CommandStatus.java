package vn.smsgw.gateway.smpp;

/** The SMPP command_status values this edge answers a deliver_sm with. */
public enum CommandStatus {
    /** 0x00000000: accepted. */
    ESME_ROK(0x00000000),
    /** 0x00000001: message length is invalid (e.g. a UDH longer than the user data). */
    ESME_RINVMSGLEN(0x00000001),
    /** 0x00000002: command length is invalid (a mandatory field runs past the end of the PDU). */
    ESME_RINVCMDLEN(0x00000002),
    /** 0x0000000A: invalid source address (longer than 20 characters). */
    ESME_RINVSRCADR(0x0000000A),
    /** 0x0000000B: invalid destination address (longer than 20 characters). */
    ESME_RINVDSTADR(0x0000000B),
    /** 0x00000015: invalid service_type (longer than 5 characters). */
    ESME_RINVSERTYP(0x00000015),
    /** 0x00000043: invalid esm_class data (a message type smsgw does not take). */
    ESME_RINVESMCLASS(0x00000043),
    /** 0x00000061: invalid schedule_delivery_time (neither empty nor 16 characters). */
    ESME_RINVSCHED(0x00000061),
    /** 0x00000062: invalid validity_period (neither empty nor 16 characters). */
    ESME_RINVEXPIRY(0x00000062),
    /** 0x00000065: permanent application error; the SMSC should not retry. */
    ESME_RX_P_APPN(0x00000065),
    /** 0x000000C0: error in the optional part of the PDU body (a TLV running past the end, stray octets). */
    ESME_RINVOPTPARSTREAM(0x000000C0),
    /** 0x000000C2: an optional parameter has an invalid length. */
    ESME_RINVTLVLEN(0x000000C2);

    private final int code;

    CommandStatus(int code) {
        this.code = code;
    }

    /** The command_status value. */
    public int code() {
        return code;
    }
}
