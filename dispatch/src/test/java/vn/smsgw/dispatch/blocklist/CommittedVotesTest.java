package vn.smsgw.dispatch.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smsgw.dispatch.store.CompactKey.Bits;

class CommittedVotesTest {
    private static final long NONE = CommittedVotes.NONE;
    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = "fedcba9876543210fedcba9876543210";

    @Test
    void anUnknownEntryOrReporter_hasNoRecordAndNoReporters() {
        CommittedVotes votes = new CommittedVotes(3);
        assertEquals(-1, votes.entry("VIETTEL\u000084912345678"));
        assertEquals(0, votes.reporters(-1));
        assertEquals(-1, votes.find(-1, CommittedVotes.key(A)));
        assertEquals(-1, votes.last(-1));
        votes.merge("VIETTEL\u000084912345678", CommittedVotes.key(A), new long[] {NONE, 5, NONE});
        assertEquals(-1, votes.find(votes.entry("VIETTEL\u000084912345678"), CommittedVotes.key(B)));
        assertEquals(-1, votes.entry("MOBIFONE\u000084912345678"));
    }

    @Test
    void merge_keepsTheLaterTimeOfEachCommand_andCountsAReporterOnce() {
        CommittedVotes votes = new CommittedVotes(3);
        String e = "VIETTEL\u000084912345678";
        votes.merge(e, CommittedVotes.key(A), new long[] {100, NONE, NONE});
        votes.merge(e, CommittedVotes.key(A), new long[] {50, 200, NONE});
        int entry = votes.entry(e);
        int r = votes.find(entry, CommittedVotes.key(A));
        assertEquals(100, votes.time(r, 0), "an earlier time never lowers a later one");
        assertEquals(200, votes.time(r, 1));
        assertEquals(NONE, votes.time(r, 2));
        assertEquals(1, votes.reporters(entry));
        votes.merge(e, CommittedVotes.key(B), new long[] {NONE, NONE, NONE});
        assertEquals(2, votes.reporters(entry), "a reporter without a counted vote still counts as one");
    }

    @Test
    void theSameReporterOnTwoEntries_isTwoRecords() {
        CommittedVotes votes = new CommittedVotes(3);
        votes.merge("VIETTEL\u000084912345678", CommittedVotes.key(A), new long[] {1, NONE, NONE});
        votes.merge("VIETTEL\u000084912345679", CommittedVotes.key(A), new long[] {2, NONE, NONE});
        int first = votes.find(votes.entry("VIETTEL\u000084912345678"), CommittedVotes.key(A));
        int second = votes.find(votes.entry("VIETTEL\u000084912345679"), CommittedVotes.key(A));
        assertNotEquals(first, second);
        assertEquals(1, votes.time(first, 0));
        assertEquals(2, votes.time(second, 0));
    }

    @Test
    void key_ofATextThatIsNotHex_isAStable128BitDigest() {
        Bits k = CommittedVotes.key("reporter-7");
        assertEquals(k, CommittedVotes.key(new String("reporter-7".toCharArray())));
        assertNotEquals(k, CommittedVotes.key("reporter-8"));
        assertEquals(new Bits(0x0123456789abcdefL, 0x0123456789abcdefL), CommittedVotes.key(A));
    }

    @Test
    void manyReporters_onManyEntries_agreeWithMaps_andEachEntryListsItsOwn() {
        CommittedVotes votes = new CommittedVotes(3);
        Map<String, Map<Bits, Long>> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String entry = "VIETTEL\u0000849" + (i % 97);
            String reporter = String.format("%032x", (long) i * 7919 % 20_011);
            long at = i;
            votes.merge(entry, CommittedVotes.key(reporter), new long[] {NONE, at, NONE});
            expected.computeIfAbsent(entry, k -> new HashMap<>()).merge(CommittedVotes.key(reporter), at, Math::max);
        }
        expected.forEach((entryKey, reporters) -> {
            int entry = votes.entry(entryKey);
            assertEquals(reporters.size(), votes.reporters(entry), entryKey);
            reporters.forEach((k, at) -> assertEquals((long) at, votes.time(votes.find(entry, k), 1)));
            List<Bits> listed = new ArrayList<>();
            for (int r = votes.last(entry); r >= 0; r = votes.previous(r)) {
                listed.add(votes.keyOf(r));
            }
            Set<Bits> distinct = new HashSet<>(listed);
            assertEquals(listed.size(), distinct.size(), "each reporter once");
            assertEquals(reporters.keySet(), distinct);
        });
    }
}
