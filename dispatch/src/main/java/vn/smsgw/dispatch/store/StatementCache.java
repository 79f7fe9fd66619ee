package vn.smsgw.dispatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;

/*
 * SQLite compiles a statement at every prepare, and neither sqlite-jdbc nor the pool keeps prepared statements.
 * The multi-row statements of a group commit change their text with the group's size, so intake's writer compiled
 * each of them again at every commit: 10 % of its CPU samples in an async-profiler profile of smsgw bench inbound.
 * Sizing: during bench inbound (400,000 MO) intake's and the outbound queue's statements came to 414-463 distinct
 * texts on each connection the writers used, and to 315 during bench intake, so a limit of 256 kept them compiling
 * again (prepares and evictions 7.5 % of the writer's samples in the MO run; 1.3 % with room for all). A 19-column
 * insert of 1 to 64 rows takes 41-60 KiB of native memory once prepared (RSS of a process preparing 256 and 1,024 of
 * them), so a connection's statements stay within some tens of MiB.
 */
/**
 * SQLite statements kept prepared on their connection from one transaction to the next: up to
 * {@value #PER_CONNECTION} per pooled connection, the least recently used closed first. They are prepared on the
 * driver's own connection, so the pool's proxies do not close them when a transaction hands its connection back,
 * and closing the driver's connection finalizes them.
 *
 * <p>A pooled connection is used by one thread at a time, and a statement only while its connection is borrowed, so
 * the per-connection maps need no lock of their own. Thread-safe.
 */
final class StatementCache {
    static final int PER_CONNECTION = 512;
    private static final Logger log = LoggerFactory.getLogger(StatementCache.class);

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** The statement of {@code sql} on {@code pooled}'s driver connection, prepared at its first use. */
    PreparedStatement get(Connection pooled, String sql) throws SQLException {
        SQLiteConnection raw = pooled.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> statements = byConnection.get(raw);
        if (statements == null) {
            byConnection.keySet().removeIf(StatementCache::isClosed); // connections the pool has retired
            statements = new Lru();
            byConnection.put(raw, statements);
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = raw.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Closes and forgets the statement of {@code sql} on {@code pooled}, after it failed. */
    void discard(Connection pooled, String sql) {
        try {
            Map<String, PreparedStatement> statements = byConnection.get(pooled.unwrap(SQLiteConnection.class));
            PreparedStatement ps = statements == null ? null : statements.remove(sql);
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException e) {
            log.debug("closing a failed statement: {}", e.getMessage());
        }
    }

    /** Closes every statement (at shutdown, before the pool closes its connections). */
    void close() {
        List<PreparedStatement> all = new ArrayList<>();
        byConnection.values().forEach(m -> all.addAll(m.values()));
        byConnection.clear();
        for (PreparedStatement ps : all) {
            try {
                ps.close();
            } catch (SQLException e) {
                log.debug("closing a cached statement: {}", e.getMessage());
            }
        }
    }

    /** How many statements {@code pooled} keeps now (for tests). */
    int size(Connection pooled) throws SQLException {
        Map<String, PreparedStatement> statements = byConnection.get(pooled.unwrap(SQLiteConnection.class));
        return statements == null ? 0 : statements.size();
    }

    private static boolean isClosed(SQLiteConnection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Access-ordered, closing the statement it drops. */
    private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
        private static final long serialVersionUID = 1L;

        Lru() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException e) {
                log.debug("closing an evicted statement: {}", e.getMessage());
            }
            return true;
        }
    }
}
