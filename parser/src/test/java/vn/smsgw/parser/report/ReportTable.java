package vn.smsgw.parser.report;

import java.util.List;
import java.util.stream.Stream;

/** The whole grammar table: every row of the five topical parts. */
final class ReportTable {

    private ReportTable() {
    }

    /** All rows, in table order. */
    static List<Row> rows() {
        return Stream.of(CommandRows.rows(), NumberFormRows.rows(), PlanRows.rows(), SenderRows.rows(),
                        ContentRows.rows())
                .flatMap(List::stream)
                .toList();
    }
}
