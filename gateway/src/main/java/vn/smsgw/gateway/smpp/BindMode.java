package vn.smsgw.gateway.smpp;

/** How one logical bind to an SMSC is made: one transceiver session, or a receiver plus a transmitter session. */
public enum BindMode {
    /** One bind_transceiver session carrying MO, MT and receipts. */
    TRX,
    /** A bind_receiver session for MO and receipts plus a bind_transmitter session for MT. */
    RX_TX
}
