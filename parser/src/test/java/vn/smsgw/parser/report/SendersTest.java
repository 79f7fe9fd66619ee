package vn.smsgw.parser.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Senders named outside a report follow the report grammar's shape rules. */
class SendersTest {

    @ParameterizedTest
    @CsvSource({"A&T_Shop, A&T_Shop", "VCB., VCB", "' FE CREDIT ', FE CREDIT", "Vietcombank, Vietcombank",
        "VCB-, VCB", "SHOPEE-VN, SHOPEE-VN", "'FE  CREDIT', FE CREDIT", "'FE\u00a0CREDIT', FE CREDIT"})
    void name_senderTheParserCanReport_isTakenAsAReportWouldCarryIt(String typed, String name) {
        assertEquals(Optional.of(name), Senders.name(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "12345", "Some Very Long Brand Name", "a/b", "!!!", "Số", "...", ""})
    void name_noSenderTheParserWouldTake_isEmpty(String typed) {
        assertEquals(Optional.empty(), Senders.name(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"S A&T_Shop giam gia", "S VCB. lua dao"})
    void name_agreesWithWhatTheParserReports(String report) {
        ParseResult r = new ReportParser().parse(report);
        String reported = ((ParseResult.Parsed) r).report().source().value();
        assertEquals(Optional.of(reported), Senders.name(report.substring(2, report.indexOf(' ', 2))));
    }
}
