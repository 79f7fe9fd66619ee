package vn.smsgw.dispatch.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations: scripts {@code V<n>__<name>.sql} next to this class, applied once each, in order, and
 * recorded in {@code schema_version}. Scripts are shared by both dialects; {@code {{ID}}} and {@code {{AUTO_ID}}}
 * are substituted per {@link Dialect}, and a line {@code -- postgres-only} / {@code -- sqlite-only} before a
 * statement keeps it to one dialect. On PostgreSQL an advisory lock serialises processes migrating at once.
 */
final class Migrations {
    /** Every migration, in order. Append only; never edit a released script. */
    static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__blocklist.sql", "V3__mo_parts.sql",
            "V4__outbound_drain.sql", "V5__campaigns.sql", "V6__in_doubt_receipts.sql", "V7__sqlite_vote_logs.sql",
            "V8__campaign_case_index.sql", "V9__sqlite_dedupe_hash.sql",
            "V10__drop_outbound_smsc_id.sql", "V11__police_outbox_report_id.sql", "V12__campaign_outcomes.sql",
            "V13__police_outbox_reference.sql", "V14__sqlite_report_indexes.sql",
            "V15__postgres_drop_report_committed.sql", "V16__sqlite_outbound_ready_partial.sql",
            "V17__blocklist_entry_state_source.sql", "V18__reporter_count.sql", "V19__outbound_smsc.sql",
            "V20__campaign_sends_until.sql", "V21__mo_part_octets.sql", "V22__outbound_valid_until.sql",
            "V23__campaign_audience_import.sql");

    private static final long PG_LOCK_KEY = 0x736d7367774dL;

    private final Dialect dialect;

    Migrations(Dialect dialect) {
        this.dialect = dialect;
    }

    void apply(Connection c) throws SQLException, IOException {
        apply(c, SCRIPTS.size());
    }

    /** Applies the pending scripts up to version {@code upTo} (tests of an upgrade start from an older schema). */
    void apply(Connection c, int upTo) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            if (dialect == Dialect.POSTGRES) {
                st.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK_KEY + ")");
            }
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        }
        int current = currentVersion(c);
        for (int i = current; i < upTo; i++) {
            String script = SCRIPTS.get(i);
            try (Statement st = c.createStatement()) {
                for (String sql : statements(load(script))) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, i + 1);
                ps.setString(2, script);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String load(String script) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IOException("migration script missing from the class path: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a script on lines ending with ';', rendering placeholders and dropping other dialects' statements. */
    List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        Dialect only = null;
        for (String line : script.split("\n", -1)) {
            String t = line.strip();
            if (t.equals("-- postgres-only")) {
                only = Dialect.POSTGRES;
                continue;
            }
            if (t.equals("-- sqlite-only")) {
                only = Dialect.SQLITE;
                continue;
            }
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                if (only == null || only == dialect) {
                    out.add(dialect.render(cur.toString().strip()));
                }
                cur.setLength(0);
                only = null;
            }
        }
        if (!cur.toString().isBlank()) {
            throw new IllegalStateException("migration script ends without ';'");
        }
        return out;
    }
}
