package vn.smsgw.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.IntakeResult;
import vn.smsgw.dispatch.police.PoliceDelivery;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.TestServices;

/**
 * The police documents of reports taken by intake, on each database: the outbox keeps a reference to the report,
 * and what is handed out is the full document, byte for byte, with the carrier after portability, the escalation
 * and the reporter count of the moment the case was opened.
 */
class PoliceDocumentTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-01T03:15:30.123456Z");

    @TempDir
    Path dir;

    @Test
    void sqlite_casesOfIntake_areHandedOutAsFullDocuments() throws Exception {
        try (Database db = TestServices.sqlite(dir)) {
            check(db);
        }
    }

    @Test
    void postgres_casesOfIntake_areHandedOutAsFullDocuments() throws Exception {
        try (Database db = TestServices.postgres()) {
            check(db);
        }
    }

    private void check(Database db) throws Exception {
        Path mnp = dir.resolve("mnp.csv");
        Files.writeString(mnp, "msisdn,carrier\n+84987654321,MobiFone\n");
        try (Dispatch d = Dispatch.open(db, DispatchSettings.defaults("police-document-key-01"), Clock.systemUTC())) {
            d.admin().loadPortability(mnp, "op1");
            CaseId first = stored(d.intake().accept(mo("84912345671", "LD 0987654321 gọi giả danh \"công an\"")));
            CaseId second = stored(d.intake().accept(mo("0912345672", "V 0987654321 doi ma OTP")));
            d.intake().accept(mo("84912345673", "V 0912000111 lam phien")); // no case: not escalated

            String firstDoc = "{\"schemaVersion\":1,\"caseId\":\"" + first.value() + "\",\"command\":\"LD\","
                    + "\"offender\":\"+84987654321\",\"offenderType\":\"MOBILE\",\"carrier\":\"MOBIFONE\","
                    + "\"content\":\"gọi giả danh \\\"công an\\\"\","
                    + "\"rawText\":\"LD 0987654321 gọi giả danh \\\"công an\\\"\",\"reporter\":\"+84912345671\","
                    + "\"shortCode\":\"156\",\"receivedAt\":\"2026-03-01T10:15:30.123+07:00\",\"reporters\":1,"
                    + "\"escalated\":false}";
            String secondDoc = "{\"schemaVersion\":1,\"caseId\":\"" + second.value() + "\",\"command\":\"V\","
                    + "\"offender\":\"+84987654321\",\"offenderType\":\"MOBILE\",\"carrier\":\"MOBIFONE\","
                    + "\"content\":\"doi ma OTP\",\"rawText\":\"V 0987654321 doi ma OTP\","
                    + "\"reporter\":\"+84912345672\",\"shortCode\":\"156\","
                    + "\"receivedAt\":\"2026-03-01T10:15:30.123+07:00\",\"reporters\":2,\"escalated\":true}";
            List<PoliceDelivery> listed = d.police().after(0, 10);
            assertEquals(List.of(first.value(), second.value()), listed.stream().map(PoliceDelivery::caseId).toList());
            assertEquals(List.of(firstDoc, secondDoc), listed.stream().map(PoliceDelivery::payload).toList());
            List<PoliceDelivery> pulled = d.police().pull(10);
            assertEquals(listed, pulled);
        }
    }

    private static CaseId stored(IntakeResult r) {
        return ((IntakeResult.Stored) r).caseId();
    }

    private static InboundSms mo(String reporter, String text) {
        return InboundSms.text(reporter, "156", text, "smsc-a", RECEIVED);
    }
}
