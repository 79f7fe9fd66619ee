package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Hash128TableTest {
    private record Key(long high, long low) {
    }

    @Test
    void find_ofAnAbsentKey_isMinusOne() {
        Hash128Table table = new Hash128Table();
        assertEquals(-1, table.find(1, 2));
        table.put(1, 2, 3, 4);
        assertEquals(-1, table.find(2, 1), "the halves are not interchangeable");
        assertEquals(-1, table.find(1, 3));
    }

    @Test
    void put_thenFind_givesTheValues_andAZeroKeyIsAKeyLikeAnyOther() {
        Hash128Table table = new Hash128Table();
        table.put(0, 0, 7, 8);
        table.put(-1, Long.MIN_VALUE, 9, 10);
        int zero = table.find(0, 0);
        assertEquals(7, table.first(zero));
        assertEquals(8, table.second(zero));
        int other = table.find(-1, Long.MIN_VALUE);
        assertEquals(9, table.first(other));
        assertEquals(10, table.second(other));
        assertEquals(2, table.size());
    }

    @Test
    void put_ofAKeyAlreadyThere_replacesItsValues_evenWhenTheTableIsDueToGrow() {
        Hash128Table table = new Hash128Table();
        for (int i = 0; i < 8; i++) {
            table.put(100 + i, i, i, i); // 8 of 16 slots: the next new key grows the table
        }
        int capacity = table.capacity();
        table.put(100, 0, 42, 43);
        assertEquals(capacity, table.capacity(), "replacing a value does not grow the table");
        assertEquals(42, table.first(table.find(100, 0)));
        assertEquals(8, table.size());
        table.put(5, 6, 1, 1);
        assertEquals(2 * capacity, table.capacity(), "a new key does");
        table.put(5, 6, 2, 3);
        assertEquals(9, table.size());
        assertTrue(table.consistent());
        assertEquals(2, table.first(table.find(5, 6)));
        assertEquals(3, table.second(table.find(5, 6)));
    }

    @Test
    void manyKeys_growTheTable_andAgreeWithAMap() {
        Hash128Table table = new Hash128Table();
        Map<Key, long[]> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            // some keys share a half, some repeat: both must still be told apart or replaced
            long high = i % 3 == 0 ? 17 : random.nextLong();
            long low = i % 5 == 0 ? i / 5 : random.nextLong();
            table.put(high, low, i, -i);
            expected.put(new Key(high, low), new long[] {i, -i});
        }
        assertEquals(expected.size(), table.size());
        assertTrue(table.consistent());
        assertTrue(table.capacity() >= 2 * table.size());
        expected.forEach((k, v) -> {
            int slot = table.find(k.high(), k.low());
            assertEquals(v[0], table.first(slot), k.toString());
            assertEquals(v[1], table.second(slot), k.toString());
        });
    }

    @Test
    void retainIf_dropsWhatFailsTheTest_testingEachEntryOnce() {
        Hash128Table table = new Hash128Table();
        for (int i = 0; i < 10_000; i++) {
            table.put(i, ~i, i, i % 100);
        }
        int[] tested = new int[10_000];
        assertEquals(9_900, table.retainIf((first, second) -> {
            tested[(int) first]++;
            return second == 7;
        }));
        for (int i = 0; i < 10_000; i++) {
            assertEquals(1, tested[i], "entry " + i + " tested once");
        }
        assertEquals(100, table.size());
        assertTrue(table.consistent());
        for (int i = 0; i < 10_000; i++) {
            int slot = table.find(i, ~i);
            assertEquals(i % 100 == 7, slot >= 0, "key " + i);
        }
        assertEquals(0, table.retainIf((first, second) -> true), "nothing more to drop");
    }

    @Test
    void retainIf_inLongProbeRuns_keepsEveryOtherEntryFindable() {
        // keys that share a slot make long runs, some wrapping round the table's end; removing from their middle
        // must shift the rest back so that each is still found from its slot
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 50; round++) {
            Hash128Table table = new Hash128Table();
            Map<Key, Long> expected = new HashMap<>();
            int n = 1 + random.nextInt(3_000);
            for (int i = 0; i < n; i++) {
                long high = random.nextInt(4); // few distinct highs, so that runs form
                long low = random.nextInt(8) == 0 ? -1 - random.nextInt(3) : random.nextLong();
                table.put(high, low, i, 0);
                expected.put(new Key(high, low), (long) i);
            }
            int modulus = 2 + random.nextInt(4);
            int dropped = table.retainIf((first, second) -> first % modulus != 0);
            int removed = 0;
            for (var it = expected.entrySet().iterator(); it.hasNext(); ) {
                if (it.next().getValue() % modulus == 0) {
                    it.remove();
                    removed++;
                }
            }
            assertEquals(removed, dropped);
            assertEquals(expected.size(), table.size());
            assertTrue(table.consistent(), "round " + round);
            expected.forEach((k, v) -> assertEquals((long) v, table.first(table.find(k.high(), k.low())), k.toString()));
            table.put(99, 99, 1, 1);
            assertEquals(1, table.first(table.find(99, 99)), "puts still work after removals");
        }
    }

    @Test
    void putsAndSweepsInterleaved_agreeWithAMap() {
        // the dedupe window's life: keys arrive with a time, sweeps drop the old ones, keys repeat now and then;
        // keys are drawn from a small space so that probe runs are long and some wrap round the table's end
        SplittableRandom random = new SplittableRandom(11);
        Hash128Table table = new Hash128Table();
        Map<Key, long[]> expected = new HashMap<>();
        long now = 0;
        for (int round = 0; round < 400; round++) {
            int puts = random.nextInt(500);
            for (int i = 0; i < puts; i++) {
                now++;
                Key k = new Key(random.nextInt(64), random.nextInt(4_096));
                table.put(k.high(), k.low(), now, now * 7);
                expected.put(k, new long[] {now, now * 7});
            }
            long horizon = now - random.nextInt(2_000);
            int[] tested = {0};
            int dropped = table.retainIf((first, second) -> {
                tested[0]++;
                return first >= horizon;
            });
            int before = expected.size();
            expected.values().removeIf(v -> v[0] < horizon);
            assertEquals(before, tested[0], "each entry tested once, round " + round);
            assertEquals(before - expected.size(), dropped, "round " + round);
            assertEquals(expected.size(), table.size(), "round " + round);
            if (round % 20 == 0) {
                assertTrue(table.consistent(), "round " + round);
            }
        }
        assertTrue(table.consistent());
        expected.forEach((k, v) -> {
            int slot = table.find(k.high(), k.low());
            assertEquals(v[0], table.first(slot), k.toString());
            assertEquals(v[1], table.second(slot), k.toString());
        });
        for (int high = 0; high < 64; high++) {
            for (int low = 0; low < 4_096; low++) {
                assertEquals(expected.containsKey(new Key(high, low)), table.find(high, low) >= 0);
            }
        }
    }
}
