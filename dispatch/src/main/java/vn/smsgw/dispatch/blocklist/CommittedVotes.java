package vn.smsgw.dispatch.blocklist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.CompactKey;

/**
 * The committed vote keys of {@link SqliteVoteIndex} in primitive arrays: for each entry (list, source), the
 * reporters ever counted on it and, per reporter, the time of its last counted vote of each command.
 *
 * <p>A reporter of an entry is a record in append-only arrays (its 128-bit reporter hash, its entry, the next record
 * of the same entry, and one time per command), found through an open-addressing table of record numbers keyed by
 * entry and hash. Records are never removed: a reporter once counted on an entry stays its reporter. Per record that
 * is 60 bytes of arrays at most and no object; with a map per entry it was a map entry, a key and an array of times,
 * kept for good, which the collector copied while young and traced at every old collection.
 *
 * <p>Reporter hashes are 32 hexadecimal digits (an HMAC); a reporter text of any other form, which this version never
 * writes, is reduced to 128 bits by SHA-256. Not thread-safe: its owner's lock guards it.
 */
final class CommittedVotes {
    /** The time of a command the reporter has no counted vote of. */
    static final long NONE = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 16;

    private final int commands;
    private final Map<String, Integer> entryIds = new HashMap<>();
    private int[] reporterCount = new int[MIN_CAPACITY];
    private int[] lastRecord = new int[MIN_CAPACITY];

    private long[] high = new long[MIN_CAPACITY];
    private long[] low = new long[MIN_CAPACITY];
    private int[] entryOf = new int[MIN_CAPACITY];
    /** The record of the same entry added before this one, or -1. */
    private int[] previous = new int[MIN_CAPACITY];
    private long[] times;
    private int records;

    /** Record number + 1 by slot; 0 marks a free slot. At most half full. */
    private int[] table = new int[2 * MIN_CAPACITY];

    CommittedVotes(int commands) {
        this.commands = commands;
        this.times = new long[MIN_CAPACITY * commands];
    }

    /** The entry id of {@code entryKey}, or -1 if no reporter was ever counted on it. */
    int entry(String entryKey) {
        Integer id = entryIds.get(entryKey);
        return id == null ? -1 : id;
    }

    /** How many reporters were ever counted on entry {@code entry} (from {@link #entry}; 0 for -1). */
    int reporters(int entry) {
        return entry < 0 ? 0 : reporterCount[entry];
    }

    /** The record of {@code reporter} on {@code entry}, or -1. */
    int find(int entry, Key reporter) {
        return find(entry, reporter.high(), reporter.low());
    }

    private int find(int entry, long reporterHigh, long reporterLow) {
        if (entry < 0) {
            return -1;
        }
        int mask = table.length - 1;
        for (int i = slot(entry, reporterHigh, reporterLow, mask); table[i] != 0; i = (i + 1) & mask) {
            int r = table[i] - 1;
            if (high[r] == reporterHigh && low[r] == reporterLow && entryOf[r] == entry) {
                return r;
            }
        }
        return -1;
    }

    /** The time of the last counted vote of {@code command} (an ordinal) in record {@code record}, or NONE. */
    long time(int record, int command) {
        return times[record * commands + command];
    }

    /** The first record of {@code entry} to visit in {@link #previous} order, or -1. */
    int last(int entry) {
        return entry < 0 ? -1 : lastRecord[entry];
    }

    /** The record of the same entry added before {@code record}, or -1. */
    int previous(int record) {
        return previous[record];
    }

    /** The reporter of {@code record}. */
    Key keyOf(int record) {
        return new Key(high[record], low[record]);
    }

    /** Raises the times of {@code reporter} on {@code entryKey} to {@code votedAt} (by command ordinal), adding it. */
    void merge(String entryKey, Key reporter, long[] votedAt) {
        int entry = entryIds.computeIfAbsent(entryKey, k -> newEntry());
        int r = find(entry, reporter.high(), reporter.low());
        if (r < 0) {
            r = add(entry, reporter.high(), reporter.low());
        }
        for (int c = 0; c < commands; c++) {
            int at = r * commands + c;
            times[at] = Math.max(times[at], votedAt[c]);
        }
    }

    /** A reporter's 128-bit key. */
    record Key(long high, long low) {
    }

    /** The 128-bit key of a reporter text. */
    static Key key(String reporter) {
        if (CompactKey.isHex128(reporter)) {
            return new Key(CompactKey.high(reporter), CompactKey.low(reporter));
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(reporter.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            long l = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (d[i] & 0xFF);
                l = l << 8 | (d[8 + i] & 0xFF);
            }
            return new Key(h, l);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }

    private int newEntry() {
        int id = entryIds.size();
        if (id == reporterCount.length) {
            reporterCount = Arrays.copyOf(reporterCount, id * 2);
            lastRecord = Arrays.copyOf(lastRecord, id * 2);
        }
        lastRecord[id] = -1;
        return id;
    }

    private int add(int entry, long reporterHigh, long reporterLow) {
        if (records == high.length) {
            int capacity = records * 2;
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            entryOf = Arrays.copyOf(entryOf, capacity);
            previous = Arrays.copyOf(previous, capacity);
            times = Arrays.copyOf(times, capacity * commands);
        }
        int r = records++;
        high[r] = reporterHigh;
        low[r] = reporterLow;
        entryOf[r] = entry;
        previous[r] = lastRecord[entry];
        lastRecord[entry] = r;
        Arrays.fill(times, r * commands, (r + 1) * commands, NONE);
        reporterCount[entry]++;
        if (2 * records > table.length) {
            rehash(table.length * 2);
        } else {
            place(r);
        }
        return r;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int r = 0; r < records; r++) {
            place(r);
        }
    }

    private void place(int r) {
        int mask = table.length - 1;
        int i = slot(entryOf[r], high[r], low[r], mask);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = r + 1;
    }

    private static int slot(int entry, long reporterHigh, long reporterLow, int mask) {
        long h = (reporterHigh ^ Long.rotateLeft(reporterLow, 29) ^ (long) entry * 0xC2B2AE3D27D4EB4FL)
                * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
