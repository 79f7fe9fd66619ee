package vn.smsgw.dispatch.intake;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts per reporter address for {@link InMemoryReporterCounters}: an address of 1 to 17 decimal digits, as every
 * MSISDN is, with or without a leading '+', is packed into one long (its digits, their number and the '+', so that
 * "0912", "912" and "+912" stay apart) and counted in
 * primitive arrays, open addressing with linear probing, at most half full; any other address is counted in a map.
 *
 * <p>The embedded store keeps a count for every reporter of the day: with a map, each was an entry, a string and its
 * bytes, three objects kept all day that the collector copied while young. Here a reporter costs 32 to 64 bytes of
 * array and no object. Not thread-safe.
 */
final class ReporterCountTable {
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_DIGITS = 17;

    /**
     * Slot i is {@code entries[2i]}, a packed address (0 marks a free slot: a packed address is never 0, its length
     * is at least 1), and {@code entries[2i + 1]}, its count: side by side, so that a lookup reads one cache line.
     */
    private long[] entries;
    private int size;
    private final Map<String, Integer> others = new HashMap<>();

    ReporterCountTable() {
        allocate(MIN_CAPACITY);
    }

    /** The count of {@code reporter}, 0 if it has none. */
    int get(String reporter) {
        long key = pack(reporter);
        if (key == 0) {
            return others.getOrDefault(reporter, 0);
        }
        int mask = capacity() - 1;
        for (int i = slot(key, mask); entries[2 * i] != 0; i = (i + 1) & mask) {
            if (entries[2 * i] == key) {
                return (int) entries[2 * i + 1];
            }
        }
        return 0;
    }

    /** Adds {@code n} to the count of {@code reporter}. */
    void add(String reporter, int n) {
        long key = pack(reporter);
        if (key == 0) {
            others.merge(reporter, n, Integer::sum);
            return;
        }
        if (2 * (size + 1) > capacity()) {
            grow();
        }
        int mask = capacity() - 1;
        int i = slot(key, mask);
        while (entries[2 * i] != 0) {
            if (entries[2 * i] == key) {
                entries[2 * i + 1] += n;
                return;
            }
            i = (i + 1) & mask;
        }
        entries[2 * i] = key;
        entries[2 * i + 1] = n;
        size++;
    }

    /** Forgets every count. */
    void clear() {
        allocate(MIN_CAPACITY);
        others.clear();
    }

    /** How many reporters have a count. */
    int size() {
        return size + others.size();
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

    private void grow() {
        long[] old = entries;
        allocate(capacity() * 2);
        int mask = capacity() - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != 0) {
                int i = slot(old[j], mask);
                while (entries[2 * i] != 0) {
                    i = (i + 1) & mask;
                }
                entries[2 * i] = old[j];
                entries[2 * i + 1] = old[j + 1];
                size++;
            }
        }
    }

    private int capacity() {
        return entries.length / 2;
    }

    private void allocate(int capacity) {
        entries = new long[2 * capacity];
        size = 0;
    }

    /** Fibonacci hashing: the top bits of the product, which every bit of the key reaches (the low bits would not). */
    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - Integer.bitCount(mask))) & mask;
    }
}
