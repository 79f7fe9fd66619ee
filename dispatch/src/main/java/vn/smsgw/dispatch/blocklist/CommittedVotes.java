package vn.smsgw.dispatch.blocklist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import vn.smsgw.dispatch.store.CompactKey;
import vn.smsgw.dispatch.store.CompactKey.Bits;

/**
 * The committed vote keys of {@link SqliteVoteIndex} in primitive arrays: for each entry (list, source), the
 * reporters ever counted on it and, per reporter, the time of its last counted vote of each command.
 *
 * <p>A reporter of an entry is a record in an append-only array (its 128-bit reporter hash, its entry, the record of
 * the same entry added before it, and one time per command), found through an open-addressing table of record numbers
 * keyed by entry and hash. Records are never removed: a reporter once counted on an entry stays its reporter. With
 * three commands a record is 48 bytes and its table slots 8 to 16, twice that at most while a grown array fills, and
 * no object; with a map per entry it was a map entry, a key and an array of times, kept for good, which the collector
 * copied while young and traced at every old collection.
 *
 * <p>Reporter hashes are 32 hexadecimal digits (an HMAC); a reporter text of any other form, which this version never
 * writes, is reduced to 128 bits by SHA-256. Not thread-safe: its owner's lock guards it.
 */
final class CommittedVotes {
    /** The time of a command the reporter has no counted vote of. */
    static final long NONE = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 16;
    /** The most records: their array and table stay within Java's array size limit. */
    static final int MAX_RECORDS = 1 << 27;

    private final int commands;
    private final Map<String, Integer> entryIds = new HashMap<>();
    private int[] reporterCount = new int[MIN_CAPACITY];
    private int[] lastRecord = new int[MIN_CAPACITY];

    /**
     * Record r is {@code stride} longs from {@code r * stride}: reporter hash high and low, the entry (high 32 bits)
     * and the record of the same entry added before it or -1 (low 32 bits), then one time per command. Side by side,
     * so that checking a reporter's votes reads one or two cache lines.
     */
    private final int stride;
    private long[] records;
    private int count;

    /** Record number + 1 by slot; 0 marks a free slot. At most half full. */
    private int[] table = new int[2 * MIN_CAPACITY];

    CommittedVotes(int commands) {
        this.commands = commands;
        this.stride = 3 + commands;
        this.records = new long[MIN_CAPACITY * stride];
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
    int find(int entry, Bits reporter) {
        return find(entry, reporter.high(), reporter.low());
    }

    private int find(int entry, long reporterHigh, long reporterLow) {
        if (entry < 0) {
            return -1;
        }
        int mask = table.length - 1;
        for (int i = slot(entry, reporterHigh, reporterLow, mask); table[i] != 0; i = (i + 1) & mask) {
            int r = table[i] - 1;
            int at = r * stride;
            if (records[at] == reporterHigh && records[at + 1] == reporterLow && entryOf(r) == entry) {
                return r;
            }
        }
        return -1;
    }

    /** The time of the last counted vote of {@code command} (an ordinal) in record {@code record}, or NONE. */
    long time(int record, int command) {
        return records[record * stride + 3 + command];
    }

    /** The first record of {@code entry} to visit in {@link #previous} order, or -1. */
    int last(int entry) {
        return entry < 0 ? -1 : lastRecord[entry];
    }

    /** The record of the same entry added before {@code record}, or -1. */
    int previous(int record) {
        return (int) records[record * stride + 2];
    }

    /** The reporter of {@code record}. */
    Bits keyOf(int record) {
        return new Bits(records[record * stride], records[record * stride + 1]);
    }

    /** Raises the times of {@code reporter} on {@code entryKey} to {@code votedAt} (by command ordinal), adding it. */
    void merge(String entryKey, Bits reporter, long[] votedAt) {
        int entry = entryIds.computeIfAbsent(entryKey, k -> newEntry());
        int r = find(entry, reporter.high(), reporter.low());
        if (r < 0) {
            r = add(entry, reporter.high(), reporter.low());
        }
        for (int c = 0; c < commands; c++) {
            int at = r * stride + 3 + c;
            records[at] = Math.max(records[at], votedAt[c]);
        }
    }

    /** The 128-bit key of a reporter text. */
    static Bits key(String reporter) {
        Bits bits = CompactKey.parse(reporter);
        if (bits != null) {
            return bits;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(reporter.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            long l = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (d[i] & 0xFF);
                l = l << 8 | (d[8 + i] & 0xFF);
            }
            return new Bits(h, l);
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

    /** How many records there are: (entry, reporter) pairs ever counted. */
    int records() {
        return count;
    }

    private int add(int entry, long reporterHigh, long reporterLow) {
        if (count == MAX_RECORDS) {
            throw new IllegalStateException("vote records full: " + count);
        }
        if ((count + 1) * stride > records.length) {
            records = Arrays.copyOf(records, records.length * 2);
        }
        int r = count++;
        int at = r * stride;
        records[at] = reporterHigh;
        records[at + 1] = reporterLow;
        records[at + 2] = (long) entry << 32 | (lastRecord[entry] & 0xFFFFFFFFL);
        lastRecord[entry] = r;
        Arrays.fill(records, at + 3, at + stride, NONE);
        reporterCount[entry]++;
        if (2 * count > table.length) {
            rehash(table.length * 2);
        } else {
            place(r);
        }
        return r;
    }

    private int entryOf(int record) {
        return (int) (records[record * stride + 2] >>> 32);
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int r = 0; r < count; r++) {
            place(r);
        }
    }

    private void place(int r) {
        int mask = table.length - 1;
        int i = slot(entryOf(r), records[r * stride], records[r * stride + 1], mask);
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
