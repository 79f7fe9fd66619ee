package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smsgw.dispatch.intake.ReportFlag;
import vn.smsgw.dispatch.intake.ReportStore;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.gateway.simulator.MoInjection;
import vn.smsgw.gateway.simulator.MoMessage;

/** Checks that an injection ended with every message acknowledged, stored exactly once and answered once. */
final class MoAssertions {

    private MoAssertions() {
    }

    /**
     * Every injected message acked by the gateway and stored once with its text; one reply queued for each one
     * whose reporter is a valid subscriber number (intake does not answer the others).
     */
    static void everyMessageStoredAndAnsweredOnce(MoInjection injection, ReportStore reports, Database database) {
        List<MoMessage> messages = injection.messages();
        assertTrue(injection.failed().isEmpty(), "messages failed: " + injection.failed().size());
        assertEquals(messages.size(), injection.ackedCount(), "acked");
        Map<String, List<StoredReport>> stored = StoredMo.byReporter(reports);
        assertEquals(messages.size(), stored.size(), "reporters with a stored message");
        for (MoMessage message : messages) {
            List<StoredReport> copies = stored.get(message.reporter());
            assertEquals(1, copies == null ? 0 : copies.size(), "copies stored of " + message);
            assertEquals(message.text(), copies.get(0).rawText(), "text of " + message);
            assertEquals(message.shortCode(), copies.get(0).shortCode(), "short code of " + message);
        }
        Map<String, Integer> replies = StoredMo.repliesByCase(database);
        List<String> answerable = stored.values().stream().map(copies -> copies.get(0))
                .filter(r -> !r.flags().contains(ReportFlag.INVALID_REPORTER))
                .map(r -> r.caseId().value()).toList();
        assertTrue(answerable.size() > messages.size() * 9 / 10, "answerable: " + answerable.size());
        assertEquals(Set.copyOf(answerable), replies.keySet(), "messages answered");
        assertTrue(replies.values().stream().allMatch(n -> n == 1), "a message answered more than once");
    }
}
