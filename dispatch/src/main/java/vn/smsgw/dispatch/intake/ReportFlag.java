package vn.smsgw.dispatch.intake;

import java.util.EnumSet;
import java.util.Set;

/** Facts recorded with a stored message, as a bit set in storage. */
public enum ReportFlag {
    /** The source is allowlisted: stored and answered, never counted or listed. */
    ALLOWLISTED,
    /** The reporter exceeded the daily quota: stored and answered, not counted. */
    OVER_QUOTA,
    /** The reporter reported their own number: not counted. */
    SELF_REPORT,
    /** A fraud marker in S/V content escalated it to a police case. */
    ESCALATED,
    /** A police case was opened. */
    POLICE_CASE,
    /** Counted as a vote on a blocklist. */
    COUNTED,
    /** Concatenated parts missing at the reassembly timeout. */
    INCOMPLETE,
    /** Binary data_coding, stored as hex. */
    BINARY,
    /** The reply was not queued: reply rate limit for this reporter. */
    REPLY_SUPPRESSED,
    /** The reporter address is not a valid number: no reply possible. */
    INVALID_REPORTER;

    static int toBits(Set<ReportFlag> flags) {
        int bits = 0;
        for (ReportFlag f : flags) {
            bits |= 1 << f.ordinal();
        }
        return bits;
    }

    static Set<ReportFlag> fromBits(int bits) {
        EnumSet<ReportFlag> set = EnumSet.noneOf(ReportFlag.class);
        for (ReportFlag f : values()) {
            if ((bits & (1 << f.ordinal())) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}
