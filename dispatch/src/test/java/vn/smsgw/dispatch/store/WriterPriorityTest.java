package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class WriterPriorityTest {

    private static final String STAT_TAIL = " S 1 100 100 0 -1 4194624 37 0 0 0 5 2 0 0 %s 0 1 0 2817 0 0";

    @Test
    void niceOf_plainName_readsNineteenthField() {
        assertEquals(OptionalInt.of(-5), WriterPriority.niceOf("4242 (smsgw-intake-wr)" + STAT_TAIL.formatted("15 -5")));
    }

    @Test
    void niceOf_nameWithSpacesAndParentheses_countsFieldsAfterTheLastParenthesis() {
        assertEquals(OptionalInt.of(3), WriterPriority.niceOf("77 (C2 (x) Thre)" + STAT_TAIL.formatted("23 3")));
    }

    @Test
    void niceOf_truncatedOrGarbled_isEmpty() {
        assertEquals(OptionalInt.empty(), WriterPriority.niceOf("4242 (writer) S 1 100"));
        assertEquals(OptionalInt.empty(), WriterPriority.niceOf("no parenthesis here"));
        assertEquals(OptionalInt.empty(), WriterPriority.niceOf("1 (w)" + STAT_TAIL.formatted("20 x")));
    }

    @Test
    void raise_unstartedThread_getsTheHighestJavaPriority() {
        Thread t = new Thread(() -> { });
        WriterPriority.raise(t);
        assertEquals(Thread.MAX_PRIORITY, t.getPriority());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void niceOfCurrentThread_onLinux_matchesTheKernelsRange() {
        OptionalInt nice = WriterPriority.niceOfCurrentThread();
        assertTrue(nice.isPresent(), "/proc/thread-self/stat should be readable on Linux");
        assertTrue(nice.getAsInt() >= -20 && nice.getAsInt() <= 19, "nice " + nice.getAsInt());
    }
}
