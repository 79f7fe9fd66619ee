package vn.smsgw.dispatch.blocklist;

import vn.smsgw.parser.number.Carrier;

/**
 * The lists smsgw keeps: one per carrier (by allocation, or by the portability override), {@code UNALLOCATED} for
 * numbers no carrier was allocated (landlines, service and international numbers), and {@code SENDER} for brandnames
 * and short codes (consumed by the SMS firewall). The name is the list's identifier in storage, exports, feeds and the
 * RabbitMQ routing key.
 */
public final class BlocklistName {
    public static final String SENDER = "SENDER";
    public static final String UNALLOCATED = "UNALLOCATED";

    private BlocklistName() {
    }

    /** The list for a number served (or allocated) to {@code carrier}. */
    public static String ofCarrier(Carrier carrier) {
        return carrier == Carrier.UNKNOWN ? UNALLOCATED : carrier.name();
    }

    /** The list for a source of {@code type} served by {@code carrier}: SENDER for brandnames and short codes. */
    public static String of(vn.smsgw.parser.number.SourceType type, Carrier carrier) {
        return type == vn.smsgw.parser.number.SourceType.BRANDNAME
                || type == vn.smsgw.parser.number.SourceType.SHORT_CODE ? SENDER : ofCarrier(carrier);
    }

    /** True for a name smsgw uses. */
    public static boolean isValid(String name) {
        if (SENDER.equals(name) || UNALLOCATED.equals(name)) {
            return true;
        }
        for (Carrier c : Carrier.values()) {
            if (c != Carrier.UNKNOWN && c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
