package vn.smsgw.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.campaign.Campaign;
import vn.smsgw.dispatch.campaign.CampaignState;
import vn.smsgw.dispatch.campaign.Campaigns;
import vn.smsgw.dispatch.campaign.RecipientCounts;
import vn.smsgw.dispatch.campaign.RecipientState;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.gateway.simulator.ReceivedSubmit;
import vn.smsgw.gateway.simulator.SimulatorConfig;
import vn.smsgw.gateway.simulator.SmscSimulator;
import vn.smsgw.parser.text.SmsLength;

/**
 * Kills the gateway (a child JVM) with SIGKILL in the middle of a campaign, while the simulator in this JVM takes its
 * submit_sm, then starts it again on the same data directory until the campaign is DONE. No recipient may be
 * skipped; a recipient may get its message twice only if it was in flight or unsettled at the kill, at most one
 * submitter window per bind; the numbers are printed. A multi-part message that was being sent at the kill, part by
 * part, may stay incomplete (never submitted again once a part is known to have reached the SMSC): at most one
 * window per bind too.
 */
class CampaignCrashTest {
    /** Campaign TPS (submit_sm a second over both binds). */
    static final int TPS = 2_000;

    @TempDir
    Path dir;

    /** What the simulator received per recipient, and the campaign's counts in the store at the end. */
    record Outcome(long atKill, Map<String, Integer> submits, RecipientCounts counts) {
    }

    @Test
    void kill9_midCampaign_restartCompletesItWithNoRecipientSkippedAndFewSentTwice() throws Exception {
        int recipients = 20_000;
        Outcome o = crash(recipients, "one", TPS, 50_000);
        long twice = o.submits().values().stream().filter(n -> n > 1).count();
        long skipped = recipients - o.submits().size();
        RecipientCounts c = o.counts();
        System.out.printf("campaign crash: kill -9 after %,d submit_sm; %,d recipients, %d skipped, %d sent twice "
                + "(the store counts %d as resent); final states %s%n", o.atKill(), recipients, skipped, twice,
                c.resent(), c.byState());
        assertEquals(0, skipped, "recipients never submitted");
        assertTrue(o.submits().values().stream().allMatch(n -> n <= 2), "a recipient got three submit_sm");
        assertTrue(twice <= (long) CampaignCrashChild.BINDS * CampaignCrashChild.WINDOW,
                twice + " sent twice: more than one window per bind");
        assertTrue(c.resent() >= twice, "resent must count every recipient sent twice");
        assertCountsAddUp(c, recipients);
    }

    @Test
    void kill9_midMultiPartCampaign_restartResendsNoMessageWithAPartKnownToHaveReachedTheSmsc() throws Exception {
        int recipients = 6_000;
        int parts = SmsLength.of(CampaignCrashChild.MULTI_PART).segments();
        assertEquals(3, parts);
        Outcome o = crash(recipients, "multi", 3 * TPS / 2, TPS / 2);
        long twice = o.submits().values().stream().filter(n -> n > parts).count();
        long incomplete = o.submits().values().stream().filter(n -> n < parts).count();
        long skipped = recipients - o.submits().size();
        RecipientCounts c = o.counts();
        System.out.printf("campaign crash, %d-part message: kill -9 after %,d submit_sm; %,d recipients, %d skipped, "
                + "%d sent twice (the store counts %d as resent), %d left incomplete; final states %s%n", parts,
                o.atKill(), recipients, skipped, twice, c.resent(), incomplete, c.byState());
        long window = (long) CampaignCrashChild.BINDS * CampaignCrashChild.WINDOW;
        assertEquals(0, skipped, "recipients never submitted");
        assertTrue(o.submits().values().stream().allMatch(n -> n <= 2 * parts), "a recipient got it three times");
        assertTrue(twice <= window, twice + " sent twice: more than one window per bind");
        assertTrue(incomplete <= window, incomplete + " left incomplete: more than one window per bind");
        assertTrue(c.count(RecipientState.UNKNOWN) >= incomplete, "an incomplete message must read UNKNOWN");
        assertTrue(c.resent() >= twice, "resent must count every recipient sent twice");
        assertCountsAddUp(c, recipients);
    }

    private static void assertCountsAddUp(RecipientCounts c, int recipients) {
        assertEquals(recipients, c.total());
        assertEquals(0, c.waiting(), "recipients still waiting");
        assertEquals(recipients, c.processed() + c.count(RecipientState.CANCELLED), "final states add up");
    }

    /**
     * Runs the campaign with text {@code text} (one or multi) at {@code tps}, each bind capped at {@code bindTps},
     * killed at 30 % of its submit_sm, to the end.
     */
    private Outcome crash(int recipients, String text, int tps, int bindTps) throws Exception {
        Path data = dir.resolve("data");
        Path audience = CampaignEndToEndTest.audience(dir, recipients);
        long expected = (long) recipients * SmsLength.of(text.equals("multi") ? CampaignCrashChild.MULTI_PART
                : CampaignCrashChild.ONE_PART).segments();
        SimulatorConfig sim = SimulatorConfig.builder().port(0).credentials("smsgw", "pw").window(100)
                .receivedLogCapacity((int) (2 * expected)).build();
        long atKill;
        Map<String, Integer> sends = new HashMap<>();
        try (SmscSimulator smsc = new SmscSimulator(sim).start()) {
            List<String> args = List.of(audience.toString(), Integer.toString(tps), text, Integer.toString(bindTps));
            Process first = startChild(data, smsc.port(), args, "first");
            CampaignEndToEndTest.await(() -> smsc.submitCount() >= expected * 3 / 10, Duration.ofSeconds(120),
                    "30 % submitted");
            kill9(first);
            atKill = smsc.submitCount();
            assertTrue(atKill < expected, "the kill came after the campaign had been sent");

            Process second = startChild(data, smsc.port(), args, "second");
            Path out = dir.resolve("second.out");
            // generous: on a loaded 2-core machine the submit rate falls far below the campaign's TPS (the child
            // itself gives up after CampaignCrashChild.DONE_WITHIN)
            CampaignEndToEndTest.await(() -> read(out).contains("DONE"),
                    CampaignCrashChild.DONE_WITHIN.plusSeconds(30), "campaign done");
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second child did not stop");
            for (ReceivedSubmit s : smsc.received()) {
                sends.merge(s.destinationAddr(), 1, Integer::sum);
            }
        }
        (read(dir.resolve("second.out")) + read(dir.resolve("second.err"))).lines()
                .filter(l -> l.contains("claims of") || l.contains("in doubt"))
                .forEach(l -> System.out.println("second process: " + l));
        try (Database db = Database.open(DatabaseConfig.sqlite(data))) {
            Campaigns campaigns = new Campaigns(db, Clock.systemUTC());
            Campaign k = campaigns.find(CampaignCrashChild.NAME).orElseThrow();
            assertEquals(CampaignState.DONE, k.state());
            return new Outcome(atKill, sends, campaigns.counts(k.id()));
        }
    }

    private Process startChild(Path data, int port, List<String> args, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve(name + ".out");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CampaignCrashChild.class.getName(), data.toString(), Integer.toString(port)));
        command.addAll(args);
        Process child = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        CampaignEndToEndTest.await(() -> read(out).contains("READY") || !child.isAlive(), Duration.ofSeconds(120),
                name + " child ready");
        assertTrue(child.isAlive() || read(out).contains("DONE"), name + " child died: " + read(dir.resolve(name
                + ".err")));
        return child;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGKILL from outside, as an operator's kill -9: the JVM gets no chance to flush or close anything. */
    private static void kill9(Process child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -9 failed");
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child survived kill -9");
        assertEquals(137, child.exitValue());
    }
}
