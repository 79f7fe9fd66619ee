-- smsgw schema, version 14 (SQLite only): the report table keeps one secondary index, received_at. Since version 9
-- SQLite keeps a report's dedupe key in dedupe_hash (unindexed; the live keys are held in memory), so the UNIQUE index
-- of dedupe_key held nothing but NULLs, one entry per report; SQLite cannot drop a UNIQUE constraint, so the table is
-- rebuilt without it. report_committed served only the reporter counters loaded at start-up, which now find today's
-- reports through received_at (see ReporterCountsLoader). Each report row now writes two B-trees instead of four.

-- sqlite-only
CREATE TABLE report_v14 (
  id {{ID}},
  case_id TEXT NOT NULL,
  dedupe_key TEXT,
  received_at BIGINT NOT NULL,
  committed_at BIGINT NOT NULL,
  reporter TEXT NOT NULL,
  short_code TEXT NOT NULL,
  smsc_id TEXT NOT NULL,
  form TEXT NOT NULL,
  raw_text TEXT NOT NULL,
  command TEXT,
  source TEXT,
  source_type TEXT,
  carrier TEXT,
  content TEXT,
  error TEXT,
  flags INTEGER NOT NULL,
  reporters_so_far INTEGER NOT NULL,
  dedupe_hash TEXT
);
-- sqlite-only
INSERT INTO report_v14 (id, case_id, dedupe_key, received_at, committed_at, reporter, short_code, smsc_id, form,
    raw_text, command, source, source_type, carrier, content, error, flags, reporters_so_far, dedupe_hash)
  SELECT id, case_id, dedupe_key, received_at, committed_at, reporter, short_code, smsc_id, form, raw_text, command,
    source, source_type, carrier, content, error, flags, reporters_so_far, dedupe_hash FROM report ORDER BY id;
-- sqlite-only
DROP TABLE report;
-- sqlite-only
ALTER TABLE report_v14 RENAME TO report;
-- sqlite-only
CREATE INDEX report_received ON report (received_at);
