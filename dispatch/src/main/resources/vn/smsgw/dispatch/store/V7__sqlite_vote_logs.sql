-- smsgw schema, version 7: on SQLite, blocklist votes and reporters become append-only logs.
-- The single SQLite writer keeps their keys in memory (loaded at the first vote) and only appends rows, so a vote no
-- longer lands on random pages of two primary-key indexes. A refreshed vote is a new row; the latest row of a
-- (list, source, command, reporter) wins when the keys are loaded. PostgreSQL keeps its primary keys, which answer
-- for every process sharing the database.

-- sqlite-only
CREATE TABLE blocklist_vote_log (
  list TEXT NOT NULL,
  source TEXT NOT NULL,
  command TEXT NOT NULL,
  reporter_hash TEXT NOT NULL,
  voted_at BIGINT NOT NULL
);
-- sqlite-only
INSERT INTO blocklist_vote_log (list, source, command, reporter_hash, voted_at)
  SELECT list, source, command, reporter_hash, voted_at FROM blocklist_vote ORDER BY voted_at;
-- sqlite-only
DROP TABLE blocklist_vote;
-- sqlite-only
ALTER TABLE blocklist_vote_log RENAME TO blocklist_vote;

-- sqlite-only
CREATE TABLE blocklist_reporter_log (
  list TEXT NOT NULL,
  source TEXT NOT NULL,
  reporter_hash TEXT NOT NULL
);
-- sqlite-only
INSERT INTO blocklist_reporter_log (list, source, reporter_hash)
  SELECT list, source, reporter_hash FROM blocklist_reporter;
-- sqlite-only
DROP TABLE blocklist_reporter;
-- sqlite-only
ALTER TABLE blocklist_reporter_log RENAME TO blocklist_reporter;
