package vn.smsgw.dispatch.intake;

import java.util.HashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.Hash128Table;

/**
 * Counts per reporter address for {@link InMemoryReporterCounters}: an address of 1 to 17 decimal digits, as every
 * MSISDN is, with or without a leading '+', is packed into one long (its digits, their number and the '+', so that
 * "0912", "912" and "+912" stay apart) and counted in a {@link Hash128Table} (the packed address as the key's high
 * half); any other address is counted in a map.
 *
 * <p>The embedded store keeps a count for every reporter of the day: with a map, each was an entry, a string and its
 * bytes, three objects kept all day that the collector copied while young. Here a reporter costs 64 to 128 bytes of
 * array and no object. Not thread-safe.
 */
final class ReporterCountTable {
    private static final int MAX_DIGITS = 17;

    private Hash128Table counts = new Hash128Table();
    private final Map<String, Integer> others = new HashMap<>();

    /** The count of {@code reporter}, 0 if it has none. */
    int get(String reporter) {
        long key = pack(reporter);
        if (key == 0) {
            return others.getOrDefault(reporter, 0);
        }
        int slot = counts.find(key, 0);
        return slot < 0 ? 0 : (int) counts.first(slot);
    }

    /** Adds {@code n} to the count of {@code reporter}. */
    void add(String reporter, int n) {
        long key = pack(reporter);
        if (key == 0) {
            others.merge(reporter, n, Integer::sum);
            return;
        }
        int slot = counts.find(key, 0);
        counts.put(key, 0, (slot < 0 ? 0 : counts.first(slot)) + n, 0);
    }

    /** Forgets every count. */
    void clear() {
        counts = new Hash128Table();
        others.clear();
    }

    /** How many reporters have a count. */
    int size() {
        return counts.size() + others.size();
    }

    /**
     * The digits of {@code address}, their number and whether a '+' leads them (as in the E.164 form intake counts
     * by) in one long, or 0 if it is not an optional '+' and 1 to 17 decimal digits.
     */
    static long pack(String address) {
        int from = address.startsWith("+") ? 1 : 0;
        int n = address.length() - from;
        if (n == 0 || n > MAX_DIGITS) {
            return 0;
        }
        long v = 0;
        for (int i = from; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return (long) from << 62 | (long) n << 57 | v; // 10^17 < 2^57, and 17 < 2^5
    }
}
