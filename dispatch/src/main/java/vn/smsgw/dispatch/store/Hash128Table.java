package vn.smsgw.dispatch.store;

/**
 * A hash table from 128-bit keys (two longs, already uniformly distributed, such as the leading bits of a SHA-256 or
 * HMAC digest) to two long values, held in four primitive arrays: open addressing with linear probing, at most half
 * full.
 *
 * <p>For the embedded store's indexes that hold an entry per message for days: a {@code HashMap} entry, its key and
 * its value are three objects that the collector copies at least once while they are young and that every put into
 * the old map's table dirties a card for. Here an entry costs no object at all and 64 bytes of array at most (32 at
 * full load), and a lookup reads four arrays at one index instead of following three pointers.
 *
 * <p>Entries are never removed one by one; {@link #retainIf} rebuilds the table from the entries it keeps. Not
 * thread-safe.
 */
public final class Hash128Table {
    /** The smallest capacity; always a power of two. */
    private static final int MIN_CAPACITY = 16;

    private long[] high;
    private long[] low;
    private long[] first;
    private long[] second;
    /** Which slots hold an entry: a key may be all zeros. */
    private boolean[] used;
    private int size;

    public Hash128Table() {
        allocate(MIN_CAPACITY);
    }

    /** Tests the values of an entry. */
    @FunctionalInterface
    public interface ValuesTest {
        boolean test(long first, long second);
    }

    public int size() {
        return size;
    }

    /** The slot of the key, or -1 if it is not in the table; valid until the next {@link #put} or rebuild. */
    public int find(long keyHigh, long keyLow) {
        int mask = used.length - 1;
        for (int i = slot(keyHigh, keyLow, mask); used[i]; i = (i + 1) & mask) {
            if (high[i] == keyHigh && low[i] == keyLow) {
                return i;
            }
        }
        return -1;
    }

    /** The first value of the entry in {@code slot} (from {@link #find}). */
    public long first(int slot) {
        return first[slot];
    }

    /** The second value of the entry in {@code slot} (from {@link #find}). */
    public long second(int slot) {
        return second[slot];
    }

    /** Puts the key with its two values, replacing the values of a key already there. */
    public void put(long keyHigh, long keyLow, long firstValue, long secondValue) {
        if (2 * (size + 1) > used.length) {
            rebuild(used.length * 2, (a, b) -> true);
        }
        int mask = used.length - 1;
        int i = slot(keyHigh, keyLow, mask);
        while (used[i]) {
            if (high[i] == keyHigh && low[i] == keyLow) {
                first[i] = firstValue;
                second[i] = secondValue;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        high[i] = keyHigh;
        low[i] = keyLow;
        first[i] = firstValue;
        second[i] = secondValue;
        size++;
    }

    /** Keeps only the entries whose values pass {@code keep}; returns how many were dropped. */
    public int retainIf(ValuesTest keep) {
        int before = size;
        int kept = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i] && keep.test(first[i], second[i])) {
                kept++;
            }
        }
        if (kept < before) {
            int capacity = MIN_CAPACITY;
            while (capacity < 2 * kept) {
                capacity *= 2;
            }
            rebuild(capacity, keep);
        }
        return before - kept;
    }

    private void rebuild(int capacity, ValuesTest keep) {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldFirst = first;
        long[] oldSecond = second;
        boolean[] oldUsed = used;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldUsed.length; j++) {
            if (oldUsed[j] && keep.test(oldFirst[j], oldSecond[j])) {
                int i = slot(oldHigh[j], oldLow[j], mask);
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                high[i] = oldHigh[j];
                low[i] = oldLow[j];
                first[i] = oldFirst[j];
                second[i] = oldSecond[j];
                size++;
            }
        }
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        first = new long[capacity];
        second = new long[capacity];
        used = new boolean[capacity];
        size = 0;
    }

    /** Mixes both halves, so that keys which are not uniformly distributed still spread. */
    private static int slot(long keyHigh, long keyLow, int mask) {
        long h = (keyHigh ^ Long.rotateLeft(keyLow, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    @Override
    public String toString() {
        return "Hash128Table[size=" + size + ", capacity=" + used.length + "]";
    }

    /** For tests: the capacity, a power of two at least twice the size. */
    int capacity() {
        return used.length;
    }

    /** For tests: whether every entry can be found from its key. */
    boolean consistent() {
        int count = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                count++;
                if (find(high[i], low[i]) != i) {
                    return false;
                }
            }
        }
        return count == size && 2 * size <= used.length;
    }
}
