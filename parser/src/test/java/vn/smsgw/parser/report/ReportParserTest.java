package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportParserTest {

    private final ReportParser parser = new ReportParser();

    static List<Row> table() {
        return ReportTable.rows();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void parse_tableRow_givesExpectedResult(Row row) {
        assertEquals(row.expected(), parser.parse(row.input()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void parse_tableRowAsStringBuilder_givesSameResultAsString(Row row) {
        assertEquals(row.expected(), parser.parse(new StringBuilder(row.input())));
    }

    @Test
    void table_hasAtLeastTwoHundredDistinctMessages() {
        Set<String> inputs = new HashSet<>();
        table().forEach(row -> assertTrue(inputs.add(row.input()), () -> "duplicate row: " + row));
        assertTrue(inputs.size() >= 200, () -> "only " + inputs.size() + " rows");
    }

    @Test
    void table_coversEveryRejection() {
        Set<Rejection> seen = new HashSet<>();
        table().forEach(row -> {
            if (row.expected() instanceof ParseResult.Rejected rejected) {
                seen.add(rejected.reason());
            }
        });
        assertEquals(Set.of(Rejection.values()), seen);
    }

    @Test
    void parse_null_isEmptyMessage() {
        assertEquals(ParseResult.Rejected.of(Rejection.EMPTY_MESSAGE), parser.parse(null));
    }

    @Test
    void parse_rejectedWithCommand_keepsCommand() {
        assertEquals(Command.LD, parser.parse("LD 0912").command().orElseThrow());
    }

    @Test
    void parse_unknownCommand_hasNoCommand() {
        assertTrue(parser.parse("Spam 0912345678").command().isEmpty());
    }

    @Test
    void parse_contentWithSurrogatePair_keepsItWhole() {
        ParseResult result = parser.parse("LD 0912345678 \uD83D\uDE21");
        assertEquals("\uD83D\uDE21", ((ParseResult.Parsed) result).report().content());
    }

    @Test
    void parse_decomposedCommand_isFolded() {
        assertEquals(Command.LD, parser.parse("L\u0110 0912345678").command().orElseThrow());
        assertEquals(Command.S, parser.parse("S\u0323 0912345678").command().orElseThrow());
    }

    @Test
    void parse_sameInstanceFromManyThreads_givesSameResults() throws InterruptedException {
        List<Row> rows = table();
        Thread[] threads = new Thread[4];
        Set<String> failures = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int round = 0; round < 50; round++) {
                    for (Row row : rows) {
                        if (!row.expected().equals(parser.parse(row.input()))) {
                            failures.add(row.input());
                        }
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(Set.of(), failures);
    }
}
