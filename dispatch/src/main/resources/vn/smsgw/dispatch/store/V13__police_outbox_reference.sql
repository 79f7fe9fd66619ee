-- smsgw schema, version 13: a police case added with its report keeps no copy of its document. The document
-- (schema version 1) is rendered when the case is handed out, from the report row `report_id` (content, raw text,
-- reporter, numbers, times, reporters so far, all written in the same transaction) and the two facts only the outbox
-- row holds: the carrier after portability and whether the case was escalated. `payload` is NULL on such rows; a row
-- with a payload (every row written before this version, and cases added without a report) is delivered as stored.
-- Two thirds of the reports of a typical wave are police cases, and each document repeated the report's text: on
-- SQLite the outbox wrote more pages per group commit than the report table.

-- sqlite-only
CREATE TABLE police_outbox_v13 (
  id {{AUTO_ID}},
  report_id BIGINT NOT NULL UNIQUE,
  case_id TEXT NOT NULL,
  payload TEXT,
  carrier TEXT,
  escalated INTEGER,
  created_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  acked_at BIGINT
);
-- sqlite-only
INSERT INTO police_outbox_v13 (id, report_id, case_id, payload, created_at, state, attempts, next_attempt_at,
    sent_at, acked_at)
  SELECT id, report_id, case_id, payload, created_at, state, attempts, next_attempt_at, sent_at, acked_at
  FROM police_outbox ORDER BY id;
-- sqlite-only
DROP TABLE police_outbox;
-- sqlite-only
ALTER TABLE police_outbox_v13 RENAME TO police_outbox;
-- sqlite-only
CREATE INDEX police_outbox_state ON police_outbox (state, next_attempt_at, id);

-- postgres-only
ALTER TABLE police_outbox ALTER COLUMN payload DROP NOT NULL;
-- postgres-only
ALTER TABLE police_outbox ADD COLUMN carrier TEXT;
-- postgres-only
ALTER TABLE police_outbox ADD COLUMN escalated INTEGER;
