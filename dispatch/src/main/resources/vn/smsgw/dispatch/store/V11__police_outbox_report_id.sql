-- smsgw schema, version 11: the police outbox is keyed by the report id (the sequence its case id is derived from),
-- not by the case id. Case ids are a keyed permutation of the id, so a unique index on them took each new case to a
-- random index page: on SQLite a third of the pages every group commit wrote (read off the WAL of
-- `smsgw bench intake`). Report ids grow, so their index is appended to; an ack finds its row through the id.
-- Rows whose report is gone keep a negative placeholder (minus their outbox id) and can no longer be acked by id.

-- sqlite-only
CREATE INDEX report_case_v11 ON report (case_id);
-- sqlite-only
CREATE TABLE police_outbox_v11 (
  id {{AUTO_ID}},
  report_id BIGINT NOT NULL UNIQUE,
  case_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  acked_at BIGINT
);
-- sqlite-only
INSERT INTO police_outbox_v11 (id, report_id, case_id, payload, created_at, state, attempts, next_attempt_at,
    sent_at, acked_at)
  SELECT o.id, COALESCE(r.id, -o.id), o.case_id, o.payload, o.created_at, o.state, o.attempts, o.next_attempt_at,
    o.sent_at, o.acked_at
  FROM police_outbox o LEFT JOIN report r ON r.case_id = o.case_id ORDER BY o.id;
-- sqlite-only
DROP TABLE police_outbox;
-- sqlite-only
ALTER TABLE police_outbox_v11 RENAME TO police_outbox;
-- sqlite-only
CREATE INDEX police_outbox_state ON police_outbox (state, next_attempt_at, id);
-- sqlite-only
DROP INDEX report_case_v11;

-- postgres-only
ALTER TABLE police_outbox ADD COLUMN report_id BIGINT;
-- postgres-only
UPDATE police_outbox o SET report_id = r.id FROM report r WHERE r.case_id = o.case_id;
-- postgres-only
UPDATE police_outbox SET report_id = -id WHERE report_id IS NULL;
-- postgres-only
ALTER TABLE police_outbox ALTER COLUMN report_id SET NOT NULL;
-- postgres-only
CREATE UNIQUE INDEX police_outbox_report ON police_outbox (report_id);
-- postgres-only
ALTER TABLE police_outbox DROP CONSTRAINT police_outbox_case_id_key;
