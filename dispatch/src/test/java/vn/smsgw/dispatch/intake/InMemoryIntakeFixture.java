package vn.smsgw.dispatch.intake;

import java.util.List;
import vn.smsgw.dispatch.outbound.InMemoryOutbox;
import vn.smsgw.dispatch.outbound.OutboundSms;
import vn.smsgw.dispatch.store.InMemoryTransactions;
import vn.smsgw.dispatch.store.Transactions;

/** An intake fixture on the in-memory adapters. */
final class InMemoryIntakeFixture implements IntakeContract.Fixture {
    private final InMemoryTransactions tx = new InMemoryTransactions();
    private final InMemoryReportStore reports = new InMemoryReportStore();
    private final InMemoryReporterCounters counters = new InMemoryReporterCounters();
    private final InMemoryPartStore parts = new InMemoryPartStore();
    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @Override
    public Transactions transactions() {
        return tx;
    }

    @Override
    public ReportStore reports() {
        return reports;
    }

    @Override
    public PartStore parts() {
        return parts;
    }

    @Override
    public ReporterCounters counters() {
        return counters;
    }

    @Override
    public InMemoryOutbox outbox() {
        return outbox;
    }

    @Override
    public List<String> replyKinds(String caseId) {
        return outbox.queued().stream().filter(m -> m.caseId().equals(caseId)).map(OutboundSms::kind).toList();
    }

    @Override
    public List<String> replySmscs(String caseId) {
        return outbox.queued().stream().filter(m -> m.caseId().equals(caseId)).map(OutboundSms::smsc).toList();
    }

    @Override
    public List<String> replyBodies() {
        return outbox.queued().stream().map(OutboundSms::body).toList();
    }

    @Override
    public void close() {
    }
}
