-- smsgw schema, version 15 (PostgreSQL only): report_committed goes, as it went from SQLite in version 14. On
-- PostgreSQL the reporter counters are tables of their own (reporter_day, reporter_hour) and no query reads reports by
-- their commit time, so the index was one more B-tree for the server to insert into at every report, for nothing.

-- postgres-only
DROP INDEX IF EXISTS report_committed;
