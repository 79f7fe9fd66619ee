package vn.smsgw.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriterPriorityTest {

    private static final String STAT_TAIL = " S 1 100 100 0 -1 4194624 37 0 0 0 5 2 0 0 %s 0 1 0 2817 0 0";

    @Test
    void niceOf_plainName_readsNineteenthField() {
        assertEquals(OptionalInt.of(-5), WriterPriority.niceOf("4242 (intake-wr)" + STAT_TAIL.formatted("15 -5")));
    }

    @Test
    void niceOf_nameWithSpacesAndParentheses_countsFieldsAfterTheLastParenthesis() {
        assertEquals(OptionalInt.of(3), WriterPriority.niceOf("77 (C2 (x) Thre)" + STAT_TAIL.formatted("23 3")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242 (writer) S 1 100", "no parenthesis here",
        "1 (w) S 1 100 100 0 -1 4194624 37 0 0 0 5 2 0 0 20 x 0 1 0 2817 0 0"})
    void niceOf_truncatedOrGarbled_isEmpty(String stat) {
        assertEquals(OptionalInt.empty(), WriterPriority.niceOf(stat));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void niceOfCurrentThread_onLinux_matchesTheKernelsRange() {
        OptionalInt nice = WriterPriority.niceOfCurrentThread();
        assertTrue(nice.isPresent(), "/proc/thread-self/stat should be readable on Linux");
        assertTrue(nice.getAsInt() >= -20 && nice.getAsInt() <= 19, "nice " + nice.getAsInt());
    }
}
