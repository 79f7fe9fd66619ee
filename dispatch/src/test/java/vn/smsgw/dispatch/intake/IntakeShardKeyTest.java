package vn.smsgw.dispatch.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.ReportParser;

class IntakeShardKeyTest {
    private final ReportParser parser = new ReportParser();

    private Pending message(String reporter, String text) {
        InboundSms sms = InboundSms.text(reporter, "156", text, "smsc", Instant.EPOCH);
        return new Pending(sms, "k-" + reporter + text, Optional.empty(), "h", parser.parse(text), null);
    }

    @Test
    void reportsOfOneEntry_shareAKey_whoeverSendsThem() {
        assertEquals(Intake.shardKey(message("84912000001", "LD 0987654321 chuyen khoan")),
                Intake.shardKey(message("84912000002", "V 0987654321")));
        // one brandname however it is spelled: one blocklist entry
        assertEquals(Intake.shardKey(message("84912000001", "S Vietcombank tin gia mao")),
                Intake.shardKey(message("84912000003", "S VIETCOMBANK tin gia mao")));
        assertNotEquals(Intake.shardKey(message("84912000001", "LD 0987654321 a")),
                Intake.shardKey(message("84912000001", "LD 0987654322 a")));
    }

    @Test
    void rejectedMessagesAndParts_goByReporter() {
        Pending rejected = message("84912000001", "xin chao");
        assertEquals(ParseResult.Rejected.class, rejected.parse.getClass());
        assertEquals(Intake.shardKey(rejected), Intake.shardKey(message("84912000001", "bla bla")));
        Pending part = Pending.part(new InboundPart("84912000001", "156", "smsc", Instant.EPOCH,
                new ConcatKey(ConcatScheme.SAR, 9, 2), 1, new PartContent.Binary("78")), "t");
        assertEquals(Intake.shardKey(rejected), Intake.shardKey(part));
    }
}
