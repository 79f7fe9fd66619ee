package vn.smsgw.gateway.smpp;

/**
 * The TON/NPI an SMSC expects on a short code source address (156, 5656, 1900xxxx). SMSCs differ; most accept
 * TON 0 / NPI 0, which is the default.
 */
public enum ShortCodeAddressing {
    /** TON 0 (unknown), NPI 0 (unknown): the default. */
    UNKNOWN(Ton.UNKNOWN, Npi.UNKNOWN),
    /** TON 3 (network specific), NPI 0. */
    NETWORK_SPECIFIC(Ton.NETWORK_SPECIFIC, Npi.UNKNOWN),
    /** TON 2 (national), NPI 1 (ISDN). */
    NATIONAL(Ton.NATIONAL, Npi.ISDN),
    /** TON 6 (abbreviated), NPI 0. */
    ABBREVIATED(Ton.ABBREVIATED, Npi.UNKNOWN);

    private final Ton ton;
    private final Npi npi;

    ShortCodeAddressing(Ton ton, Npi npi) {
        this.ton = ton;
        this.npi = npi;
    }

    /** The TON of a short code address. */
    public Ton ton() {
        return ton;
    }

    /** The NPI of a short code address. */
    public Npi npi() {
        return npi;
    }
}
