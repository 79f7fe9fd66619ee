package vn.smsgw.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {
    @Test
    void jvm_namesTheCollectorsAndTheOptions() {
        assertEquals("jvm: collectors G1 Young Generation, G1 Old Generation; options -Xmn1g "
                        + "-XX:G1ConcRefinementThreads=0",
                Machine.jvm(List.of("G1 Young Generation", "G1 Old Generation"),
                        List.of("-Xmn1g", "-XX:G1ConcRefinementThreads=0")));
    }

    @Test
    void jvm_withoutOptions_saysSo() {
        assertEquals("jvm: collectors Copy, MarkSweepCompact; options (none)",
                Machine.jvm(List.of("Copy", "MarkSweepCompact"), List.of()));
    }

    @Test
    void describe_hasTheMachineAndTheJvmLines() {
        String[] lines = Machine.describe().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "),
                lines[0]);
        assertTrue(lines[1].startsWith("jvm: collectors "), lines[1]);
    }
}
