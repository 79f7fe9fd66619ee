package vn.smsgw.dispatch.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;

/**
 * The campaigns of one store (SQLite or a PostgreSQL shared by several processes): create, import an audience,
 * estimate, move through the lifecycle, count recipients by state. Thread-safe.
 */
public final class Campaigns {

    /*
     * Every lifecycle change is one transaction that locks the campaign row first (FOR UPDATE on PostgreSQL; SQLite
     * has one writer), so it serialises with the runners' moves of recipients into the outbound queue, which lock
     * the same row. Pause and cancel take the campaign's still-unclaimed messages back out of the queue in that
     * transaction: once it commits, no submitter can claim another one, and only those a submitter already holds
     * (the messages already due when it claimed, at most 8 windows per bind) still go out. An import commits every
     * IMPORT_CHUNK rows, so a running gateway's writers wait at most one chunk for the SQLite write lock.
     *
     * A message a submitter holds may still come back to the queue after the campaign stopped: given back unsent
     * (its bind dropped, the gateway stopping, half its claim's lease gone), or left by a submitter that died. A
     * claim takes a campaign message only while the campaign may send (sends_until, which every change of state
     * resets and only the runner sets again, while the campaign runs in its window), so such a message is never
     * sent for a stopped campaign, nor outside its window or validity; the runner's next pass over the stopped
     * campaign takes it out of the queue (unqueueReturned) as the stop did the others.
     */

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);
    static final int IMPORT_BATCH = 1_000;
    static final int IMPORT_CHUNK = 20_000;
    private static final String CANCELLED = "campaign cancelled";
    private static final String EXPIRED = "campaign validity ended before sending";

    private final Database db;
    private final Clock clock;

    /** The campaigns in {@code db}, dated by {@code clock}. */
    public Campaigns(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Database database() {
        return db;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Stores a new DRAFT campaign.
     *
     * @throws IllegalArgumentException when the name is taken
     */
    public Campaign create(CampaignSpec spec) {
        long now = clock.millis();
        long id;
        try {
            id = db.inTransaction(tx -> {
                Connection c = JdbcTx.of(tx).connection();
                if (CampaignRows.nameTaken(c, spec.name())) {
                    throw new IllegalArgumentException("a campaign named '" + spec.name() + "' exists");
                }
                return CampaignRows.insert(c, spec, now);
            });
        } catch (StorageException e) {
            if (e.getCause() instanceof IllegalArgumentException taken) {
                throw taken;
            }
            throw e;
        }
        log.info("campaign {} '{}' created: {} segments per SMS, {} TPS", id, spec.name(), spec.segments(),
                spec.tps());
        return find(id).orElseThrow();
    }

    /** The campaign with this id, or (when not a number) this name. */
    public Optional<Campaign> find(String idOrName) {
        String s = idOrName.strip();
        if (s.matches("[0-9]{1,18}")) {
            Optional<Campaign> byId = find(Long.parseLong(s));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return db.read(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            Optional<Long> id = CampaignRows.idOf(c, s);
            return id.isEmpty() ? Optional.<Campaign>empty() : CampaignRows.find(c, db.dialect(), id.get(), false);
        });
    }

    public Optional<Campaign> find(long id) {
        return db.read(tx -> CampaignRows.find(JdbcTx.of(tx).connection(), db.dialect(), id, false));
    }

    /** Every campaign, oldest first. */
    public List<Campaign> list() {
        return db.read(tx -> CampaignRows.list(JdbcTx.of(tx).connection(), ""));
    }

    /** Campaigns a runner has work for: scheduled, running or paused (paused ones still take receipts). */
    List<Campaign> active() {
        return db.read(tx -> CampaignRows.list(JdbcTx.of(tx).connection(),
                " WHERE state IN ('SCHEDULED', 'RUNNING', 'PAUSED')"));
    }

    /** Campaigns over but with recipients still waiting for a receipt, or still PENDING to be settled. */
    List<Campaign> settling() {
        return db.read(tx -> CampaignRows.list(JdbcTx.of(tx).connection(), " WHERE state IN ('DONE', 'CANCELLED') "
                + "AND (EXISTS (SELECT 1 FROM campaign_recipient r WHERE r.campaign_id = campaign.id "
                + "AND r.state = 'QUEUED') OR EXISTS (SELECT 1 FROM campaign_recipient r "
                + "WHERE r.campaign_id = campaign.id AND r.state = 'PENDING'))"));
    }

    /**
     * Adds the numbers of an audience file to a DRAFT campaign, streaming: rows are read, normalised, filtered and
     * inserted in batches, duplicates skipped; {@code progress} gets the rows read after every batch.
     *
     * @throws IllegalArgumentException when the campaign is unknown or the filter names a missing column
     * @throws IllegalStateException    when the campaign is no longer a draft (its audience is frozen)
     */
    public ImportReport importAudience(long id, BufferedReader in, AudienceFilter filter, LongConsumer progress) {
        Campaign k = find(id).orElseThrow(() -> new IllegalArgumentException("no campaign " + id));
        if (k.state() != CampaignState.DRAFT) {
            throw new IllegalStateException(frozen(k));
        }
        AudienceReader reader = new AudienceReader(in, filter);
        long before = recipients(id);
        long[] added = {0};
        // marks the draft as importing until the last chunk is in: an import that stops half-way leaves the mark,
        // and the campaign cannot be started on part of its audience
        long token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        db.inTransaction(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            requireDraft(c, id);
            markImport(c, id, token);
            return null;
        });
        try {
            List<String> first = reader.next(IMPORT_BATCH);
            boolean more = !first.isEmpty();
            while (more) {
                List<String> carried = first;
                more = audienceBatch(() -> db.inTransaction(tx -> {
                    Connection c = JdbcTx.of(tx).connection();
                    audienceStep(() -> {
                        requireDraft(c, id);
                        return null;
                    });
                    List<String> batch = carried;
                    for (int rows = 0; rows < IMPORT_CHUNK; rows += batch.size()) {
                        if (rows > 0) {
                            batch = audienceStep(() -> reader.next(IMPORT_BATCH));
                            if (batch.isEmpty()) {
                                return false;
                            }
                        }
                        added[0] += RecipientRows.add(c, db.dialect(), id, batch);
                    }
                    return true;
                }));
                progress.accept(reader.rows);
                first = more ? reader.next(IMPORT_BATCH) : List.of();
                more = !first.isEmpty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audience: " + e.getMessage(), e);
        }
        db.inTransaction(tx -> {
            clearImport(JdbcTx.of(tx).connection(), id, token); // its own mark only: another import may run
            return null;
        });
        if (db.dialect() == Dialect.POSTGRES) {
            added[0] = recipients(id) - before;
        }
        log.info("campaign {}: audience import read {} rows, {} valid, {} added, {} rejected, {} filtered out", id,
                reader.rows, reader.valid, added[0], reader.rejected, reader.filtered);
        return new ImportReport(reader.rows, reader.valid, added[0], reader.valid - added[0], reader.filtered,
                reader.rejected, reader.rejects);
    }

    /** A failure of the audience or of the campaign (not of the store) inside an import transaction. */
    private static final class AudienceStop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AudienceStop(Exception cause) {
            super(cause);
        }
    }

    /** A step of an import transaction that reads the audience or checks the campaign; see {@link #audienceBatch}. */
    private interface AudienceStep<T> {
        T run() throws Exception;
    }

    private static <T> T audienceStep(AudienceStep<T> step) throws Exception {
        try {
            return step.run();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new AudienceStop(e);
        }
    }

    /**
     * Runs one transaction of an import, which reads the audience while it runs: a read error, or a campaign no longer
     * a draft, met by an {@link #audienceStep} is thrown as what it is, not as the store's failure that the transaction
     * makes of it, so that an unreadable file is reported as the file's fault. Anything else is the store's.
     */
    private static boolean audienceBatch(Supplier<Boolean> transaction) throws IOException {
        try {
            return transaction.get();
        } catch (StorageException e) {
            if (e.getCause() instanceof AudienceStop stop) {
                if (stop.getCause() instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) stop.getCause();
            }
            throw e;
        }
    }

    /**
     * Stores a new DRAFT campaign with the audience read from {@code in} ({@link #create} then {@link #importAudience}),
     * or nothing: an audience that cannot be imported to its end discards the draft and what it had imported, so that
     * the operator fixes the file and creates it again under the same name.
     *
     * @throws StorageException when the store fails; the draft is discarded when the store still can, else it is left
     *                          (a DRAFT, never sent) and named in the log
     */
    public Creation createWithAudience(CampaignSpec spec, BufferedReader in, AudienceFilter filter,
            LongConsumer progress) {
        Campaign k;
        try {
            k = create(spec);
        } catch (IllegalArgumentException taken) {
            return new Creation.NameTaken(taken.getMessage());
        }
        try {
            return new Creation.Created(k, importAudience(k.id(), in, filter, progress));
        } catch (RuntimeException e) {
            boolean discarded;
            try {
                discarded = discardDraft(k.id());
            } catch (StorageException again) {
                log.warn("campaign {}: the draft of a failed import could not be discarded: {}", k.id(),
                        again.getMessage());
                // a new exception: the store's may be one shared instance (a failed sync), not to be added to
                throw new StorageException("cannot import the audience of campaign " + k.id() + " (" + e.getMessage()
                        + ") nor discard its draft: " + again.getMessage(), again);
            }
            if (e instanceof StorageException) {
                throw e;
            }
            if (!discarded) {
                // started (by another operator) while its audience was being imported: it keeps what came in
                return new Creation.AudienceRefused(e.getMessage() + "; campaign " + k.id() + " was started "
                        + "meanwhile and keeps the " + recipients(k.id()) + " recipients imported before");
            }
            return new Creation.AudienceRefused(e.getMessage() + "; no campaign was created");
        }
    }

    /**
     * Deletes a DRAFT campaign and its recipients, its name free again: for a create whose audience could not be read
     * to the end, so that the operator fixes the file and creates it again. Returns whether the campaign was a draft
     * and is gone; any other campaign is left as it is.
     */
    boolean discardDraft(long id) {
        boolean gone = db.inTransaction(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            Optional<Campaign> k = CampaignRows.find(c, db.dialect(), id, true);
            if (k.isEmpty() || k.get().state() != CampaignState.DRAFT) {
                return false;
            }
            try (PreparedStatement recipients = c.prepareStatement(
                    "DELETE FROM campaign_recipient WHERE campaign_id = ?");
                 PreparedStatement campaign = c.prepareStatement("DELETE FROM campaign WHERE id = ?")) {
                recipients.setLong(1, id);
                recipients.executeUpdate();
                campaign.setLong(1, id);
                return campaign.executeUpdate() == 1;
            }
        });
        if (gone) {
            log.info("campaign {}: draft discarded", id);
        }
        return gone;
    }

    /** Marks the campaign as importing under {@code token}. */
    private static void markImport(Connection c, long id, long token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE campaign SET audience_import = ? WHERE id = ?")) {
            ps.setLong(1, token);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Clears the campaign's import mark if it is still {@code token}'s. */
    private static void clearImport(Connection c, long id, long token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE campaign SET audience_import = NULL WHERE id = ? AND audience_import = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, token);
            ps.executeUpdate();
        }
    }

    /** Whether an audience import into the campaign began and has not finished (running, or stopped half-way). */
    private static boolean importUnfinished(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT audience_import FROM campaign WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }

    private void requireDraft(Connection c, long id) throws SQLException {
        Campaign k = CampaignRows.find(c, db.dialect(), id, true)
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + id));
        if (k.state() != CampaignState.DRAFT) {
            throw new IllegalStateException(frozen(k));
        }
    }

    private static String frozen(Campaign k) {
        return "campaign " + k.id() + " is " + k.state() + ": its audience was frozen when it started";
    }

    /** Recipients of the campaign. */
    public long recipients(long id) {
        return db.read(tx -> RecipientRows.count(JdbcTx.of(tx).connection(), id));
    }

    /** The estimate of the campaign to its current audience, started now. */
    public Estimate estimate(Campaign k) {
        return Estimate.of(k.spec(), recipients(k.id()), clock.instant());
    }

    /** Recipients by state. */
    public RecipientCounts counts(long id) {
        return db.read(tx -> RecipientRows.counts(JdbcTx.of(tx).connection(), id));
    }

    /** Applies an operator's action (start, pause, resume, cancel) to the campaign with this id or name. */
    public Transition apply(String idOrName, CampaignAction action) {
        Optional<Campaign> k = find(idOrName);
        if (k.isEmpty()) {
            return new Transition.NotFound(idOrName);
        }
        return apply(k.get().id(), action);
    }

    /** Applies {@code action} in one transaction, with its effect on recipients and queued messages. */
    public Transition apply(long id, CampaignAction action) {
        return apply(id, action, (c, k) -> Optional.empty());
    }

    /**
     * Finishes a campaign that has nothing left to send or settle: no recipient waiting to be queued, no message of it
     * queued or claimed, no final outcome not yet applied to its recipient (a temporary failure among them would be
     * retried while the campaign runs, but expire once it is done). Checked under the campaign's row lock, in the
     * transaction that finishes it. Refused with the reason when one is left.
     */
    Transition finishIfDone(long id) {
        return apply(id, CampaignAction.FINISH, (c, k) -> RecipientRows.anyLeft(c, id)
                ? Optional.of("recipients still waiting, queued or being settled") : Optional.empty());
    }

    /** What must hold, under the campaign's row lock, for an action to apply: empty, or why it is refused. */
    private interface Precondition {
        Optional<String> refusal(Connection c, Campaign k) throws SQLException;
    }

    private Transition apply(long id, CampaignAction action, Precondition precondition) {
        long now = clock.millis();
        Transition t = db.inTransaction(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            Optional<Campaign> found = CampaignRows.find(c, db.dialect(), id, true);
            if (found.isEmpty()) {
                return new Transition.NotFound(Long.toString(id));
            }
            Campaign k = found.get();
            Optional<String> refused = precondition.refusal(c, k);
            if (refused.isPresent()) {
                return new Transition.Refused(k.state(), action, refused.get());
            }
            Transition result = k.state().apply(action);
            if (action == CampaignAction.RESUME && result instanceof Transition.Moved && !begun(k)) {
                // paused before it began (before its start time): back to waiting for that time, not running with
                // no validity period (the runner would finish it at once and expire every recipient)
                result = new Transition.Moved(k.state(), CampaignState.SCHEDULED);
            }
            if (result instanceof Transition.Moved moved) {
                if (action == CampaignAction.START && RecipientRows.count(c, id) == 0) {
                    return new Transition.Refused(k.state(), action, "campaign " + id + " has no recipients: "
                            + "import an audience first");
                }
                if (action == CampaignAction.START && importUnfinished(c, id)) {
                    return new Transition.Refused(k.state(), action, "campaign " + id + ": an audience import has "
                            + "not finished (still running, or stopped before the end of its file): import the "
                            + "audience again (recipients already added are skipped) or cancel the campaign");
                }
                effect(c, k, action, moved.to(), now);
            }
            return result;
        });
        if (t instanceof Transition.Moved m) {
            log.info("campaign {}: {} -> {} ({})", id, m.from(), m.to(), action);
        }
        return t;
    }

    /**
     * Takes the messages of a campaign that no longer sends (paused, cancelled or done) out of the outbound queue,
     * those that came back to it after it stopped: given back unsent by a submitter (its bind dropped, stopping,
     * half its claim's lease gone), or left by an owner whose lease ran out. A claim does not take them (the
     * campaign's sends_until has passed); their recipients become what the stop made of the others. A read finds
     * whether there are any, so that a pass over a stopped campaign commits nothing while there are none. Returns
     * how many.
     */
    int unqueueReturned(long id) {
        long now = clock.millis();
        if (!db.read(tx -> RecipientRows.anyUnqueueable(JdbcTx.of(tx).connection(), id, now))) {
            return 0;
        }
        int n = db.inTransaction(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            Optional<Campaign> k = CampaignRows.find(c, db.dialect(), id, true);
            return k.isEmpty() ? 0 : unqueue(c, id, k.get().state(), now);
        });
        if (n > 0) {
            log.info("campaign {}: {} messages that came back to the queue after it stopped taken out", id, n);
        }
        return n;
    }

    /** Whether the runner has begun the campaign, which sets its validity period from then. */
    static boolean begun(Campaign k) {
        return !k.startedAt().equals(Instant.EPOCH);
    }

    private static void effect(Connection c, Campaign k, CampaignAction action, CampaignState to, long now)
            throws SQLException {
        long id = k.id();
        switch (action) {
            case BEGIN -> CampaignRows.begin(c, k, now);
            case PAUSE -> {
                unqueue(c, id, to, now);
                CampaignRows.setState(c, id, to, now);
            }
            case CANCEL, FINISH -> {
                // the first chunk of its waiting recipients now, the rest in the runner's next passes
                // (settleStopped), a chunk a transaction
                unqueue(c, id, to, now);
                settleChunk(c, id, to);
                CampaignRows.setState(c, id, to, now);
            }
            default -> CampaignRows.setState(c, id, to, now);
        }
    }

    /** Settles a chunk of the PENDING recipients of a campaign stopped for good as {@code stopped}; how many. */
    private static int settleChunk(Connection c, long id, CampaignState stopped) throws SQLException {
        return switch (stopped) {
            case CANCELLED -> RecipientRows.settlePending(c, id, RecipientState.CANCELLED, CANCELLED,
                    RecipientRows.SETTLE_CHUNK);
            case DONE -> RecipientRows.settlePending(c, id, RecipientState.EXPIRED, EXPIRED,
                    RecipientRows.SETTLE_CHUNK);
            default -> 0;
        };
    }

    /**
     * Settles the next chunk of the recipients still PENDING of a cancelled or finished campaign (CANCELLED or
     * EXPIRED), under its row lock; returns how many, fewer than {@link RecipientRows#SETTLE_CHUNK} once none is left.
     */
    int settleStopped(long id) {
        return db.inTransaction(tx -> {
            Connection c = JdbcTx.of(tx).connection();
            Optional<Campaign> k = CampaignRows.find(c, db.dialect(), id, true);
            return k.isEmpty() ? 0 : settleChunk(c, id, k.get().state());
        });
    }

    /**
     * Takes the campaign's messages that no submitter holds out of the queue, their recipients left as a campaign
     * that is {@code stopped} leaves them: PENDING again when paused (to be moved again on resume), CANCELLED when
     * cancelled, EXPIRED when done (its validity ended). Nothing for a campaign in any other state. Returns how many.
     */
    private static int unqueue(Connection c, long id, CampaignState stopped, long now) throws SQLException {
        return switch (stopped) {
            case PAUSED -> RecipientRows.unqueue(c, id, RecipientState.PENDING, null, now);
            case CANCELLED -> RecipientRows.unqueue(c, id, RecipientState.CANCELLED, CANCELLED, now);
            case DONE -> RecipientRows.unqueue(c, id, RecipientState.EXPIRED, EXPIRED, now);
            default -> 0;
        };
    }
}
