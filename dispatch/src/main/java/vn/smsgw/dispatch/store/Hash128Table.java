package vn.smsgw.dispatch.store;

/**
 * A hash table from 128-bit keys (two longs, already uniformly distributed, such as the leading bits of a SHA-256 or
 * HMAC digest) to two long values, held in one primitive array: open addressing with linear probing, at most half
 * full, each slot's key and values side by side so that a lookup reads one or two cache lines.
 *
 * <p>For the embedded store's indexes that hold an entry per message for days: a {@code HashMap} entry, its key and
 * its value are three objects that the collector copies at least once while they are young and that every put into
 * the old map's table dirties a card for. Here an entry costs no object at all and 64 bytes of array at most (32 at
 * full load).
 *
 * <p>Entries are never removed one by one; {@link #retainIf} rebuilds the table from the entries it keeps. Not
 * thread-safe.
 */
public final class Hash128Table {
    /** The smallest capacity; always a power of two. */
    private static final int MIN_CAPACITY = 16;
    /** Longs per slot: key high, key low, first value, second value. */
    private static final int STRIDE = 4;

    private long[] slots;
    /** Which slots hold an entry: a key may be all zeros. A bit per slot. */
    private long[] used;
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
        int mask = capacity() - 1;
        for (int i = slot(keyHigh, keyLow, mask); isUsed(i); i = (i + 1) & mask) {
            if (slots[STRIDE * i] == keyHigh && slots[STRIDE * i + 1] == keyLow) {
                return i;
            }
        }
        return -1;
    }

    /** The first value of the entry in {@code slot} (from {@link #find}). */
    public long first(int slot) {
        return slots[STRIDE * slot + 2];
    }

    /** The second value of the entry in {@code slot} (from {@link #find}). */
    public long second(int slot) {
        return slots[STRIDE * slot + 3];
    }

    /** Puts the key with its two values, replacing the values of a key already there. */
    public void put(long keyHigh, long keyLow, long firstValue, long secondValue) {
        if (2 * (size + 1) > capacity()) {
            rebuild(capacity() * 2, (a, b) -> true);
        }
        int mask = capacity() - 1;
        int i = slot(keyHigh, keyLow, mask);
        while (isUsed(i)) {
            if (slots[STRIDE * i] == keyHigh && slots[STRIDE * i + 1] == keyLow) {
                slots[STRIDE * i + 2] = firstValue;
                slots[STRIDE * i + 3] = secondValue;
                return;
            }
            i = (i + 1) & mask;
        }
        fill(i, keyHigh, keyLow, firstValue, secondValue);
        size++;
    }

    /** Keeps only the entries whose values pass {@code keep}; returns how many were dropped. */
    public int retainIf(ValuesTest keep) {
        int before = size;
        int kept = 0;
        for (int i = 0; i < capacity(); i++) {
            if (isUsed(i) && keep.test(first(i), second(i))) {
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
        long[] old = slots;
        long[] oldUsed = used;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < old.length / STRIDE; j++) {
            long high = old[STRIDE * j];
            long low = old[STRIDE * j + 1];
            long first = old[STRIDE * j + 2];
            long second = old[STRIDE * j + 3];
            if ((oldUsed[j >>> 6] & 1L << j) != 0 && keep.test(first, second)) {
                int i = slot(high, low, mask);
                while (isUsed(i)) {
                    i = (i + 1) & mask;
                }
                fill(i, high, low, first, second);
                size++;
            }
        }
    }

    private void fill(int i, long high, long low, long first, long second) {
        used[i >>> 6] |= 1L << i;
        slots[STRIDE * i] = high;
        slots[STRIDE * i + 1] = low;
        slots[STRIDE * i + 2] = first;
        slots[STRIDE * i + 3] = second;
    }

    private boolean isUsed(int i) {
        return (used[i >>> 6] & 1L << i) != 0;
    }

    private int capacity() {
        return slots.length / STRIDE;
    }

    private void allocate(int capacity) {
        slots = new long[STRIDE * capacity];
        used = new long[Math.max(1, capacity / 64)];
        size = 0;
    }

    /** Mixes both halves, so that keys which are not uniformly distributed still spread. */
    private static int slot(long keyHigh, long keyLow, int mask) {
        long h = (keyHigh ^ Long.rotateLeft(keyLow, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    @Override
    public String toString() {
        return "Hash128Table[size=" + size + ", capacity=" + capacity() + "]";
    }

    /** For tests: the capacity, a power of two at least twice the size. */
    int capacitySlots() {
        return capacity();
    }

    /** For tests: whether every entry can be found from its key. */
    boolean consistent() {
        int count = 0;
        for (int i = 0; i < capacity(); i++) {
            if (isUsed(i)) {
                count++;
                if (find(slots[STRIDE * i], slots[STRIDE * i + 1]) != i) {
                    return false;
                }
            }
        }
        return count == size && 2 * size <= capacity();
    }
}
