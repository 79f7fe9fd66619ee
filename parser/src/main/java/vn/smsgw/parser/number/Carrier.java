package vn.smsgw.parser.number;

/**
 * The mobile network a number range was originally <em>allocated</em> to.
 *
 * <p>Because of mobile number portability (since 2018/2019) this is not necessarily the network that serves the
 * subscriber today; it is a hint derived from the prefix, and is {@link #UNKNOWN} for anything that is not a
 * Vietnamese mobile number.
 */
public enum Carrier {
    VIETTEL("Viettel"),
    VINAPHONE("VinaPhone"),
    MOBIFONE("MobiFone"),
    VIETNAMOBILE("Vietnamobile"),
    GMOBILE("Gmobile"),
    ITEL("iTel"),
    REDDI("Reddi/Wintel"),
    UNKNOWN("unknown");

    private final String displayName;

    Carrier(String displayName) {
        this.displayName = displayName;
    }

    /** Human-readable name, e.g. {@code "VinaPhone"}. */
    public String displayName() {
        return displayName;
    }
}
