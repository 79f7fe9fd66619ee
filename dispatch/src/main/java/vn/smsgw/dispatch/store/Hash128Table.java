package vn.smsgw.dispatch.store;

/**
 * A hash table from 128-bit keys (two longs, already uniformly distributed, such as the leading bits of a SHA-256 or
 * HMAC digest) to two long values, held in one primitive array: open addressing with linear probing, at most half
 * full, each slot's key and values side by side so that a lookup reads one or two cache lines.
 *
 * <p>For the embedded store's indexes that hold an entry per message for days: a {@code HashMap} entry, its key and
 * its value are three objects that the collector copies at least once while they are young and that every put into
 * the old map's table dirties a card for. Here an entry costs no object at all and 64 to 128 bytes of array (the
 * table at most half full, doubling as it grows).
 *
 * <p>Holds up to {@link #maxSize()} entries (2^27). Not thread-safe.
 */
public final class Hash128Table {
    /** The smallest capacity; always a power of two. */
    private static final int MIN_CAPACITY = 16;
    /** The largest capacity: {@code STRIDE * MAX_CAPACITY} longs is the largest power-of-two array Java allows. */
    private static final int MAX_CAPACITY = 1 << 28;
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

    /** The slot of the key, or -1 if it is not in the table; valid until the next {@link #put} or {@link #retainIf}. */
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
        // a new key: the free slot found is its place unless the table must grow first
        if (2 * (size + 1) > capacity()) {
            if (size >= maxSize()) {
                throw new IllegalStateException("table full: " + size + " entries");
            }
            rebuild(capacity() * 2);
            mask = capacity() - 1;
            i = slot(keyHigh, keyLow, mask);
            while (isUsed(i)) {
                i = (i + 1) & mask;
            }
        }
        fill(i, keyHigh, keyLow, firstValue, secondValue);
        size++;
    }

    /**
     * Keeps only the entries whose values pass {@code keep}, testing each entry once; returns how many were dropped.
     * Entries are removed in place (each removal shifts the rest of its probe run back), so a sweep that drops a few
     * entries of a large table costs a walk over it, not a new table.
     */
    public int retainIf(ValuesTest keep) {
        int capacity = capacity();
        int mask = capacity - 1;
        int start = 0;
        while (isUsed(start)) {
            start++; // at most half full: there is a free slot, and a walk from it meets every probe run whole
        }
        int dropped = 0;
        for (int step = 1; step <= capacity; step++) {
            int i = (start + step) & mask;
            // an entry shifted back into slot i comes from further along its run, not yet tested: test it too
            while (isUsed(i) && !keep.test(first(i), second(i))) {
                remove(i, mask);
                dropped++;
            }
        }
        return dropped;
    }

    /** The most entries a table can hold: its arrays stay within Java's array size limit. */
    public static int maxSize() {
        return MAX_CAPACITY / 2;
    }

    /** Removes the entry in slot {@code i}, shifting back the entries of its probe run that would no longer be found. */
    private void remove(int i, int mask) {
        int hole = i;
        for (int j = (i + 1) & mask; isUsed(j); j = (j + 1) & mask) {
            int home = slot(slots[STRIDE * j], slots[STRIDE * j + 1], mask);
            // the entry at j may fill the hole unless its home lies cyclically in (hole, j]
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                System.arraycopy(slots, STRIDE * j, slots, STRIDE * hole, STRIDE);
                hole = j;
            }
        }
        used[hole >>> 6] &= ~(1L << hole);
        size--;
    }

    private void rebuild(int capacity) {
        long[] old = slots;
        long[] oldUsed = used;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < old.length / STRIDE; j++) {
            if ((oldUsed[j >>> 6] & 1L << j) != 0) {
                int i = slot(old[STRIDE * j], old[STRIDE * j + 1], mask);
                while (isUsed(i)) {
                    i = (i + 1) & mask;
                }
                fill(i, old[STRIDE * j], old[STRIDE * j + 1], old[STRIDE * j + 2], old[STRIDE * j + 3]);
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

    /** The number of slots, a power of two at least twice the size. */
    int capacity() {
        return slots.length / STRIDE;
    }

    private void allocate(int capacity) {
        long[] newSlots = new long[STRIDE * capacity];
        long[] newUsed = new long[Math.max(1, capacity / 64)];
        slots = newSlots;
        used = newUsed;
        size = 0;
    }

    /**
     * Both halves mixed, then the top bits of the product (Fibonacci hashing), which every bit of the key reaches: keys
     * that are not uniformly distributed, such as a packed phone number in the high half and 0 in the low, still spread.
     */
    private static int slot(long keyHigh, long keyLow, int mask) {
        long h = (keyHigh ^ Long.rotateLeft(keyLow, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> (64 - Integer.bitCount(mask))) & mask;
    }

    @Override
    public String toString() {
        return "Hash128Table[size=" + size + ", capacity=" + capacity() + "]";
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
