package vn.smsgw.gateway.smpp;

import vn.smsgw.dispatch.intake.ConcatKey;
import vn.smsgw.dispatch.intake.ConcatScheme;

/**
 * Parses the user data header at the start of the user data (3GPP TS 23.040 §9.2.3.24): a length octet (UDHL), then
 * information elements of IEI, length, value.
 */
final class UserDataHeader {

    /*
     * Only the concatenation IEs matter here: 0x00 (8-bit ref, 3 octets: ref, total, seq) and 0x08 (16-bit ref,
     * 4 octets: ref hi, ref lo, total, seq). Other IEs (port addressing, special SMS indication, ...) are skipped.
     * When a concatenation IE occurs more than once, the last one wins (§9.2.3.24). A concatenation IE whose total is
     * 0 or whose seq is 0 or above the total is ignored, as the specification tells a receiver to do; the message is
     * then a whole one. A header that runs past the user data, a truncated IE, or a concatenation IE of the wrong
     * length makes the whole message malformed.
     */

    private static final int IEI_CONCAT_8BIT = 0x00;
    private static final int IEI_CONCAT_16BIT = 0x08;

    private UserDataHeader() {
    }

    /** The outcome of parsing a header. */
    sealed interface Parsed {
    }

    /** A header without a usable concatenation IE; {@code octets} includes the UDHL octet. */
    record Plain(int octets) implements Parsed {
    }

    /** A header with a concatenation IE. */
    record Concat(int octets, ConcatKey key, int seq) implements Parsed {
    }

    /** A header that cannot be parsed. */
    record Bad(String reason) implements Parsed {
    }

    /** Parses the header at the start of {@code userData}. */
    static Parsed parse(byte[] userData) {
        if (userData.length == 0) {
            return new Bad("UDHI set but the user data is empty");
        }
        int end = 1 + (userData[0] & 0xFF);
        if (end > userData.length) {
            return new Bad("UDH length " + (end - 1) + " exceeds the " + (userData.length - 1) + " octets after it");
        }
        Parsed result = new Plain(end);
        int i = 1;
        while (i < end) {
            if (i + 2 > end) {
                return new Bad("truncated information element at octet " + i);
            }
            int iei = userData[i] & 0xFF;
            int length = userData[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > end) {
                return new Bad(String.format("information element 0x%02X of length %d runs past the UDH", iei, length));
            }
            if (iei == IEI_CONCAT_8BIT || iei == IEI_CONCAT_16BIT) {
                int expected = iei == IEI_CONCAT_8BIT ? 3 : 4;
                if (length != expected) {
                    return new Bad(String.format("concatenation element 0x%02X has length %d, not %d",
                            iei, length, expected));
                }
                result = concat(userData, value, iei == IEI_CONCAT_16BIT, end);
            }
            i = value + length;
        }
        return result;
    }

    private static Parsed concat(byte[] userData, int value, boolean wide, int octets) {
        int ref = wide ? (userData[value] & 0xFF) << 8 | userData[value + 1] & 0xFF : userData[value] & 0xFF;
        int counts = wide ? value + 2 : value + 1;
        int total = userData[counts] & 0xFF;
        int seq = userData[counts + 1] & 0xFF;
        if (total == 0 || seq == 0 || seq > total) {
            return new Plain(octets);
        }
        ConcatScheme scheme = wide ? ConcatScheme.UDH_16BIT_REF : ConcatScheme.UDH_8BIT_REF;
        return new Concat(octets, new ConcatKey(scheme, ref, total), seq);
    }
}
