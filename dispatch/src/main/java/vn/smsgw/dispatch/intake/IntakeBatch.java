package vn.smsgw.dispatch.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.smsgw.dispatch.blocklist.Blocklists;
import vn.smsgw.dispatch.blocklist.Vote;
import vn.smsgw.dispatch.blocklist.VoteOutcome;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.outbound.Lane;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.outbound.ReplyTemplates;
import vn.smsgw.dispatch.police.PoliceCase;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.Source;
import vn.smsgw.parser.report.ParseResult;
import vn.smsgw.parser.report.Report;

/**
 * The work of one group commit, inside its transaction: store concatenated parts (reassembling a message whose last
 * part arrived; keeping a late part as evidence of its message's case), dedupe whole messages against stored and
 * sibling messages, allocate case ids, apply the daily quota, count blocklist votes, open police cases, queue one
 * reply per stored message (within the reply rate limit) and insert the reports. Returns one result per pending
 * message, in order.
 */
final class IntakeBatch {
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final Intake.Ports ports;
    private final IntakeConfig config;
    private final Clock clock;
    private final Function<InboundSms, Pending> preparer;
    private final Consumer<List<IntakeResult.Stored>> storedWithoutCaller;

    IntakeBatch(Intake.Ports ports, IntakeConfig config, Clock clock, Function<InboundSms, Pending> preparer,
                Consumer<List<IntakeResult.Stored>> storedWithoutCaller) {
        this.ports = ports;
        this.config = config;
        this.clock = clock;
        this.preparer = preparer;
        this.storedWithoutCaller = storedWithoutCaller;
    }

    /** Stores the parts and messages of {@code batch}; returns one result per element, in order. */
    List<IntakeResult> run(Tx tx, List<Pending> batch) {
        IntakeResult[] results = new IntakeResult[batch.size()];
        List<Pending> wholes = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        List<Integer> partsInLockOrder = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (p.part == null) {
                wholes.add(p);
                positions.add(i);
            } else {
                partsInLockOrder.add(i);
            }
        }
        // parts lock their message's row: in one order (message, part) in every group, so that two groups
        // committing side by side (several writers or processes) never wait for each other in a circle
        partsInLockOrder.sort(Comparator.comparing((Integer i) -> batch.get(i).part.groupKey())
                .thenComparingInt(i -> batch.get(i).part.seq()));
        for (int i : partsInLockOrder) {
            Pending p = batch.get(i);
            PartStore.Added added = ports.parts().add(tx, p.part, p.dedupeKey);
            if (added instanceof PartStore.Added.Late late) {
                results[i] = new IntakeResult.LatePart(late.caseId());
            } else {
                results[i] = new IntakeResult.PartStored(added instanceof PartStore.Added.Duplicate);
            }
            if (added instanceof PartStore.Added.Completed completed) {
                wholes.add(reassemble(tx, completed.groupKey(), false));
                positions.add(-1);
            }
        }
        List<IntakeResult> stored = storeWholes(tx, wholes);
        List<IntakeResult> reassembled = new ArrayList<>();
        for (int k = 0; k < wholes.size(); k++) {
            if (positions.get(k) >= 0) {
                results[positions.get(k)] = stored.get(k);
            } else {
                reassembled.add(stored.get(k));
            }
        }
        countOnCommit(tx, reassembled);
        return List.of(results);
    }

    /** Reassembles the open messages older than the timeout, complete or not; returns how many. */
    int sweep(Tx tx, long olderThanMillis) {
        List<String> groups = ports.parts().openSince(tx, olderThanMillis, 500);
        List<Pending> wholes = new ArrayList<>(groups.size());
        for (String g : groups) {
            wholes.add(reassemble(tx, g, true));
        }
        countOnCommit(tx, storeWholes(tx, wholes));
        ports.parts().expireDone(tx, clock.millis() - config.dedupeWindow().toMillis());
        return wholes.size();
    }

    /** Messages stored with no caller to take their result (reassembled from parts, or closed incomplete). */
    private void countOnCommit(Tx tx, List<IntakeResult> results) {
        List<IntakeResult.Stored> stored = new ArrayList<>();
        for (IntakeResult r : results) {
            if (r instanceof IntakeResult.Stored s) {
                stored.add(s);
            }
        }
        if (!stored.isEmpty()) {
            tx.afterCommit(() -> storedWithoutCaller.accept(stored));
        }
    }

    private Pending reassemble(Tx tx, String group, boolean timedOut) {
        List<StoredPart> parts = ports.parts().parts(tx, group);
        StoredPart first = parts.get(0);
        boolean complete = parts.size() == first.total();
        boolean binary = parts.stream().anyMatch(p -> p.content() instanceof PartContent.Binary);
        Instant received = first.receivedAt();
        for (StoredPart p : parts) {
            received = p.receivedAt().isBefore(received) ? p.receivedAt() : received;
        }
        InboundSms.Form form = binary ? InboundSms.Form.BINARY
                : complete ? InboundSms.Form.TEXT : InboundSms.Form.INCOMPLETE;
        // a complete message is keyed as a whole one is, by its text: the same long report sent again by the reporter
        // (the handset takes a new reference) within the window is one report, as for a single SMS (a part the SMSC
        // delivers again is already known by its own key); an incomplete one keeps its reference and part count, so
        // that two attempts that never completed stay apart
        String ref = complete ? "" : "concat:" + first.ref() + ":" + first.total() + (timedOut ? ":" + parts.size() : "");
        InboundSms sms = new InboundSms(first.reporter(), first.shortCode(), Reassembly.text(parts), first.smscId(),
                received, ref, form);
        return preparer.apply(sms).reassembledFrom(group);
    }

    private List<IntakeResult> storeWholes(Tx tx, List<Pending> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        IntakeResult[] results = new IntakeResult[batch.size()];
        List<Integer> fresh = dedupe(tx, batch, results);
        if (!fresh.isEmpty()) {
            storeFresh(tx, batch, fresh, results);
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) { // a sibling duplicate of a fresh message in this batch
                results[i] = new IntakeResult.Duplicate(firstWithKey(batch, results, batch.get(i).dedupeKey));
            }
        }
        closeGroups(tx, batch, results);
        return List.of(results);
    }

    /** Removes the parts of the reassembled messages, remembering the case each message is (or duplicates). */
    private void closeGroups(Tx tx, List<Pending> batch, IntakeResult[] results) {
        for (int i = 0; i < results.length; i++) {
            String group = batch.get(i).partGroup;
            if (group != null) {
                CaseId caseId = results[i] instanceof IntakeResult.Stored s ? s.caseId()
                        : ((IntakeResult.Duplicate) results[i]).caseId();
                ports.parts().complete(tx, group, caseId, clock.millis());
            }
        }
    }

    private void storeFresh(Tx tx, List<Pending> batch, List<Integer> fresh, IntakeResult[] results) {
        long[] ids = ports.reports().allocate(tx, fresh.size());
        List<Item> items = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            Pending p = batch.get(fresh.get(k));
            items.add(new Item(p, ids[k], CaseId.fromSequence(ids[k])));
        }
        Counts counts = count(tx, items);
        applyQuota(items, counts);
        vote(tx, items);
        openPoliceCases(tx, items);
        queueReplies(tx, items, counts);
        insert(tx, items);
        for (int k = 0; k < fresh.size(); k++) {
            Item it = items.get(k);
            results[fresh.get(k)] = new IntakeResult.Stored(it.caseId, it.pending.parse);
        }
    }

    private List<Integer> dedupe(Tx tx, List<Pending> batch, IntakeResult[] results) {
        Map<String, Integer> firstByKey = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            firstByKey.putIfAbsent(batch.get(i).dedupeKey, i);
        }
        Map<String, CaseId> stored = ports.reports().findByDedupeKeys(tx, firstByKey.keySet());
        List<Integer> fresh = new ArrayList<>(firstByKey.size());
        for (int i = 0; i < batch.size(); i++) {
            String key = batch.get(i).dedupeKey;
            CaseId existing = stored.get(key);
            if (existing != null) {
                results[i] = new IntakeResult.Duplicate(existing);
            } else if (firstByKey.get(key) == i) {
                fresh.add(i);
            }
        }
        return fresh;
    }

    private static CaseId firstWithKey(List<Pending> batch, IntakeResult[] results, String key) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dedupeKey.equals(key) && results[i] instanceof IntakeResult.Stored s) {
                return s.caseId();
            }
        }
        throw new IllegalStateException("duplicate without a stored sibling");
    }

    /**
     * Counts the batch against its reporters' counters in one step: each report against the daily quota, each reply
     * to come against the hourly reply limit (every message with a valid reporter gets one unless the limit holds it
     * back).
     */
    private Counts count(Tx tx, List<Item> items) {
        Map<String, Integer> reports = new HashMap<>();
        Map<String, Integer> replies = new HashMap<>();
        for (Item it : items) {
            if (it.pending.reporter.isEmpty()) {
                it.flags.add(ReportFlag.INVALID_REPORTER);
                continue;
            }
            replies.merge(it.reporterText, 1, Integer::sum);
            if (it.report != null) {
                reports.merge(it.reporterText, 1, Integer::sum);
            }
        }
        long now = clock.millis();
        int day = (int) Math.floorDiv(now + VIETNAM.getTotalSeconds() * 1000L, 86_400_000L);
        long hour = Math.floorDiv(now, 3_600_000L);
        return new Counts(reports, replies, ports.counters().add(tx, day, reports, hour, replies));
    }

    private void applyQuota(List<Item> items, Counts counts) {
        Map<String, Integer> seen = new HashMap<>();
        for (Item it : items) {
            Integer inc = counts.reports.get(it.reporterText);
            if (it.report == null || inc == null) {
                continue;
            }
            int ordinal = seen.merge(it.reporterText, 1, Integer::sum);
            int countAfterThis = counts.totals.reports().get(it.reporterText) - inc + ordinal;
            if (countAfterThis > config.dailyQuota()) {
                it.flags.add(ReportFlag.OVER_QUOTA);
            }
        }
    }

    private void vote(Tx tx, List<Item> items) {
        List<Vote> votes = new ArrayList<>();
        List<Item> voters = new ArrayList<>();
        Instant now = clock.instant();
        for (Item it : items) {
            if (it.report == null) {
                continue;
            }
            Source source = Blocklists.entryKey(it.report.source());
            if (ports.blocklists().isAllowlisted(source.value())) {
                it.flags.add(ReportFlag.ALLOWLISTED);
            }
            if (it.pending.reporter.isPresent() && it.pending.reporter.get().e164().equals(source.value())) {
                it.flags.add(ReportFlag.SELF_REPORT);
            }
            boolean counts = it.pending.route.blocklistCount() && it.pending.reporter.isPresent()
                    && !it.flags.contains(ReportFlag.ALLOWLISTED) && !it.flags.contains(ReportFlag.SELF_REPORT)
                    && !it.flags.contains(ReportFlag.OVER_QUOTA);
            if (counts) {
                votes.add(new Vote(ports.blocklists().listOf(source), source, it.report.command(),
                        it.pending.reporterHash, now));
                voters.add(it);
            }
        }
        if (votes.isEmpty()) {
            return;
        }
        List<VoteOutcome> outcomes = ports.blocklists().vote(tx, votes);
        for (int i = 0; i < voters.size(); i++) {
            VoteOutcome o = outcomes.get(i);
            Item it = voters.get(i);
            it.reporters = o.reporters();
            if (o.counted()) {
                it.flags.add(ReportFlag.COUNTED);
            }
        }
    }

    private void openPoliceCases(Tx tx, List<Item> items) {
        List<PoliceCase> cases = new ArrayList<>();
        for (Item it : items) {
            // the quota keeps a reporter's reports from counting on blocklists, not from the police: every fraud report
            // is a case
            if (it.report == null || !it.pending.route.policeCase()) {
                continue;
            }
            it.flags.add(ReportFlag.POLICE_CASE);
            if (it.pending.route.escalated()) {
                it.flags.add(ReportFlag.ESCALATED);
            }
            Source s = it.report.source();
            if (it.reporters < 0) { // no vote (allowlisted, self-report, over quota, no reporter): those counted so far
                Source key = Blocklists.entryKey(s);
                it.reporters = ports.blocklists().reporters(tx, ports.blocklists().listOf(key), key);
            }
            cases.add(new PoliceCase(it.caseId.value(), it.report.command().name(), s.value(), s.type().name(),
                    ports.blocklists().carrierOf(s).name(), it.report.content(), it.pending.sms.text(), it.reporterText,
                    it.pending.sms.shortCode(), it.pending.sms.receivedAt().atOffset(VIETNAM), it.reporters,
                    it.pending.route.escalated()));
        }
        if (!cases.isEmpty()) {
            ports.police().addOfStoredReports(tx, cases);
        }
    }

    private void queueReplies(Tx tx, List<Item> items, Counts counts) {
        if (counts.replies.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        List<OutboundSms> replies = new ArrayList<>();
        Instant now = clock.instant();
        for (Item it : items) {
            Integer inc = counts.replies.get(it.reporterText);
            if (inc == null) {
                continue;
            }
            int ordinal = seen.merge(it.reporterText, 1, Integer::sum);
            if (counts.totals.replies().get(it.reporterText) - inc + ordinal > config.repliesPerHour()) {
                it.flags.add(ReportFlag.REPLY_SUPPRESSED);
                continue;
            }
            replies.add(reply(it, now));
        }
        if (!replies.isEmpty()) {
            ports.outbox().enqueue(tx, replies);
        }
    }

    private OutboundSms reply(Item it, Instant now) {
        ReplyTemplates t = config.replies();
        String shortCode = it.pending.sms.shortCode();
        String kind;
        String template;
        if (it.report != null) {
            boolean over = it.flags.contains(ReportFlag.OVER_QUOTA);
            kind = over ? "QUOTA" : "ACK";
            template = over ? t.quota() : t.ack();
        } else if (it.pending.parse instanceof ParseResult.Rejected r) {
            switch (r.reason()) {
                case INVALID_NUMBER -> {
                    kind = "INVALID_NUMBER";
                    template = t.invalidNumber();
                }
                case INVALID_SENDER -> {
                    kind = "INVALID_SENDER";
                    template = t.invalidSender();
                }
                default -> {
                    kind = "HELP";
                    template = t.help();
                }
            }
        } else {
            throw new IllegalStateException("a parsed message without a report");
        }
        String source = it.report == null ? "" : it.report.source().value();
        String body = ReplyTemplates.fill(template, it.caseId.value(), source, shortCode, config.dailyQuota());
        return new OutboundSms(Lane.REPLY, it.pending.reporter.orElseThrow().digits(), shortCode, body, kind,
                it.caseId.value(), now, it.pending.sms.smscId());
    }

    private void insert(Tx tx, List<Item> items) {
        long now = clock.millis();
        List<NewReport> rows = new ArrayList<>(items.size());
        for (Item it : items) {
            Pending p = it.pending;
            if (p.sms.form() == InboundSms.Form.INCOMPLETE) {
                it.flags.add(ReportFlag.INCOMPLETE);
            } else if (p.sms.form() == InboundSms.Form.BINARY) {
                it.flags.add(ReportFlag.BINARY);
            }
            Report r = it.report;
            String error = p.parse instanceof ParseResult.Rejected rej ? rej.reason().name() : "";
            String command = p.parse.command().map(Enum::name).orElse("");
            rows.add(new NewReport(it.id, it.caseId, p.dedupeKey, p.sms, it.reporterText, command,
                    r == null ? "" : r.source().value(), r == null ? "" : r.source().type().name(),
                    r == null ? "" : r.source().carrier().name(), r == null ? "" : r.content(), error,
                    it.flags, Math.max(0, it.reporters), now));
        }
        ports.reports().insert(tx, rows);
    }

    /** A batch's increments of the reporter counters and the totals they came to. */
    private record Counts(Map<String, Integer> reports, Map<String, Integer> replies, ReporterCounters.Totals totals) {
    }

    /** One fresh message in the batch and what the batch decided about it. */
    private static final class Item {
        final Pending pending;
        final long id;
        final CaseId caseId;
        final Report report;
        final String reporterText;
        final Set<ReportFlag> flags = EnumSet.noneOf(ReportFlag.class);
        /** The distinct reporters of its source so far; -1 until its vote (or, without one, a lookup) says. */
        int reporters = -1;

        Item(Pending pending, long id, CaseId caseId) {
            this.pending = pending;
            this.id = id;
            this.caseId = caseId;
            this.report = pending.parse instanceof ParseResult.Parsed parsed ? parsed.report() : null;
            this.reporterText = pending.reporterText();
        }
    }
}
