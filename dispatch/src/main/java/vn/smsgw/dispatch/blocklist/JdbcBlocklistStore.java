package vn.smsgw.dispatch.blocklist;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.smsgw.dispatch.store.Dialect;
import vn.smsgw.dispatch.store.JdbcTx;
import vn.smsgw.dispatch.store.StorageException;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.parser.number.SourceType;
import vn.smsgw.parser.report.Command;

/**
 * {@link BlocklistStore} on SQLite or PostgreSQL, with the same SQL on both ({@code ON CONFLICT} upserts,
 * {@code RETURNING}) but for the vote keys ({@link JdbcVotes}). Thread-safe; every call runs in the caller's
 * {@link JdbcTx}.
 *
 * <p>Feed order. A reader asks for events after the last seq it saw, so an event must never become visible with a
 * seq lower than one already visible. On PostgreSQL identity values are taken at insert time but become visible at
 * commit, so two transactions could commit seq 11 before seq 10, and a reader at cursor 11 would never see 10. Every
 * transaction therefore takes a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) just before it
 * inserts an event, and holds it until it commits: event-producing transactions are serialised, so seqs commit in
 * order. Listings and operator actions are rare, so votes that change no state never take the lock. SQLite has a
 * single writer ({@code BEGIN IMMEDIATE}), which gives the same order.
 *
 * <p>Votes are recorded by {@link JdbcVotes}; on SQLite an entry's live reporter count is that of the vote index,
 * which this store's readers return.
 */
public final class JdbcBlocklistStore implements BlocklistStore {
    static final long FEED_LOCK_KEY = 0x736d7367_46454544L;

    /** The vote keys when the store is SQLite (unused on PostgreSQL); one store per database. */
    private final SqliteVoteIndex sqliteVotes = new SqliteVoteIndex();
    /** The entries' committed states when the store is SQLite (unused on PostgreSQL). */
    private final SqliteEntryStates sqliteStates = new SqliteEntryStates();
    private final JdbcVotes recorder = new JdbcVotes(sqliteVotes, sqliteStates);

    static final String TO_LISTED = "UPDATE blocklist_entry SET state = ?, listed_at = ?, updated_at = ? "
            + "WHERE list = ? AND source = ? AND state = ?";
    private static final String TO_OTHER = "UPDATE blocklist_entry SET state = ?, updated_at = ? "
            + "WHERE list = ? AND source = ? AND state = ?";
    private static final String SQLITE_ROW_REPORTERS = "UPDATE blocklist_entry SET reporters = MAX(reporters, ?) "
            + "WHERE list = ? AND source = ?";
    private static final String EVENT = "INSERT INTO blocklist_event (list, source, source_type, event, reason, at) "
            + "SELECT list, source, source_type, ?, ?, ? FROM blocklist_entry WHERE list = ? AND source = ?";
    private static final String EVENT_COLUMNS = "SELECT seq, list, source, source_type, event, reason, at "
            + "FROM blocklist_event ";

    @Override
    public List<VoteTally> record(Tx tx, List<Vote> votes, Map<Command, Instant> windowStart, Instant now) {
        return recorder.record(tx, votes, windowStart, now);
    }

    @Override
    public boolean transition(Tx tx, Transition t) {
        JdbcTx jtx = JdbcTx.of(tx);
        boolean listing = t.to() == EntryState.LISTED;
        if (jtx.dialect() == Dialect.SQLITE) {
            sqliteStates.changing(t.list(), t.source());
        }
        try {
            PreparedStatement ps = jtx.statement(listing ? TO_LISTED : TO_OTHER);
            int i = 1;
            ps.setString(i++, t.to().name());
            if (listing) {
                ps.setLong(i++, t.at().toEpochMilli());
            }
            ps.setLong(i++, t.at().toEpochMilli());
            ps.setString(i++, t.list());
            ps.setString(i++, t.source());
            ps.setString(i, t.from().name());
            if (ps.executeUpdate() == 0) {
                return false;
            }
            if (jtx.dialect() == Dialect.SQLITE) {
                int reporters = sqliteVotes.reporters(jtx, t.list(), t.source());
                PreparedStatement count = jtx.statement(SQLITE_ROW_REPORTERS);
                count.setInt(1, reporters);
                count.setString(2, t.list());
                count.setString(3, t.source());
                count.executeUpdate();
            }
            lockFeed(jtx);
            appendEvent(jtx, t);
            return true;
        } catch (SQLException e) {
            throw new StorageException("cannot change blocklist entry: " + e.getMessage(), e);
        }
    }

    /**
     * PostgreSQL: the source's entry rows, then the feed's lock. That order cannot deadlock with intake, which holds
     * its entries' rows (from its vote upserts) when it takes the feed's lock to list: an allowlisting waits for those
     * rows holding nothing, and a listing that took the feed's lock first commits before the allowlisting reads the
     * entries it delists. A source with no entry row yet is covered by the feed's lock alone: a listing waits for it
     * and then reads the committed allowlist.
     */
    @Override
    public void lockListing(Tx tx, Collection<String> sources) {
        JdbcTx jtx = JdbcTx.of(tx);
        if (jtx.dialect() != Dialect.POSTGRES || sources.isEmpty()) {
            return;
        }
        // planned for its sources on each execution: a plan made once while the table was small reads it whole
        try (PreparedStatement ps = jtx.prepareReplanned(
                "SELECT 1 FROM blocklist_entry WHERE source = ANY (?) ORDER BY list, source FOR UPDATE")) {
            ps.setArray(1, jtx.connection().createArrayOf("text", sources.toArray()));
            ps.executeQuery().close();
            lockFeed(jtx);
        } catch (SQLException e) {
            throw new StorageException("cannot lock blocklist entries: " + e.getMessage(), e);
        }
    }

    private static void lockFeed(JdbcTx tx) throws SQLException {
        if (tx.dialect() == Dialect.POSTGRES) {
            try (Statement st = tx.connection().createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + FEED_LOCK_KEY + ")");
            }
        }
    }

    private static void appendEvent(JdbcTx tx, Transition t) throws SQLException {
        PreparedStatement ps = tx.statement(EVENT); // kept prepared (JdbcTx#statement): never closed here
        ps.setString(1, t.eventKind().name());
        ps.setString(2, t.reason());
        ps.setLong(3, t.at().toEpochMilli());
        ps.setString(4, t.list());
        ps.setString(5, t.source());
        ps.executeUpdate();
    }

    @Override
    public List<BlocklistEntry> entries(Tx tx, String source) {
        String sql = "SELECT list, source, source_type, state, reporters FROM blocklist_entry WHERE source = ? "
                + "ORDER BY list";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setString(1, source);
            List<BlocklistEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BlocklistEntry(rs.getString(1), rs.getString(2), SourceType.valueOf(rs.getString(3)),
                            EntryState.valueOf(rs.getString(4)), reporters(JdbcTx.of(tx), rs, 5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read blocklist entries: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachListed(Tx tx, String list, Consumer<ListedEntry> sink) {
        String sql = "SELECT list, source, source_type, reporters, listed_at FROM blocklist_entry "
                + "WHERE list = ? AND state = 'LISTED' ORDER BY source";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setFetchSize(1_000);
            ps.setString(1, list);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ListedEntry(rs.getString(1), rs.getString(2),
                            SourceType.valueOf(rs.getString(3)), reporters(JdbcTx.of(tx), rs, 4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot export blocklist " + list + ": " + e.getMessage(), e);
        }
    }

    /**
     * An entry row's reporters. On SQLite the vote index's live count, with {@code tx}'s own votes (the row has it as
     * of its creation or last change of state); never less than the row's, since the index takes a commit's votes
     * just after the commit and a reader that starts in between sees the rows first.
     */
    private int reporters(JdbcTx tx, ResultSet rs, int column) throws SQLException {
        int row = rs.getInt(column);
        return tx.dialect() == Dialect.SQLITE
                ? Math.max(row, sqliteVotes.reporters(tx, rs.getString(1), rs.getString(2))) : row;
    }

    @Override
    public List<BlocklistEvent> changes(Tx tx, String list, long afterSeq, int limit) {
        return events(tx, EVENT_COLUMNS + "WHERE list = ? AND seq > ? ORDER BY seq LIMIT ?", list, afterSeq, limit);
    }

    /** Events of every list after {@code afterSeq}, for relays. */
    List<BlocklistEvent> changesOfAllLists(Tx tx, long afterSeq, int limit) {
        return events(tx, EVENT_COLUMNS + "WHERE seq > ? ORDER BY seq LIMIT ?", null, afterSeq, limit);
    }

    private static List<BlocklistEvent> events(Tx tx, String sql, String list, long afterSeq, int limit) {
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            int i = 1;
            if (list != null) {
                ps.setString(i++, list);
            }
            ps.setLong(i++, afterSeq);
            ps.setInt(i, limit);
            List<BlocklistEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BlocklistEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                            SourceType.valueOf(rs.getString(4)), BlocklistEvent.Kind.valueOf(rs.getString(5)),
                            rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read the blocklist feed: " + e.getMessage(), e);
        }
    }

    @Override
    public void audit(Tx tx, AuditRecord r) {
        String sql = "INSERT INTO blocklist_audit (at, actor, action, list, source, reason) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setLong(1, r.at().toEpochMilli());
            ps.setString(2, r.actor());
            ps.setString(3, r.action().name());
            ps.setString(4, r.list());
            ps.setString(5, r.source());
            ps.setString(6, r.reason());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot write the blocklist audit trail: " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditRecord> auditTrail(Tx tx, String source) {
        String sql = "SELECT at, actor, action, list, source, reason FROM blocklist_audit WHERE source = ? ORDER BY id";
        try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(sql)) {
            ps.setString(1, source);
            List<AuditRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRecord(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                            AuditRecord.Action.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read the blocklist audit trail: " + e.getMessage(), e);
        }
    }
}
