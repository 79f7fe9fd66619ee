-- smsgw schema, version 9: on SQLite, the dedupe key of a new report goes to an unindexed column.
-- The single SQLite writer keeps the live keys in memory (loaded at first use) and leaves the unique dedupe_key
-- index NULL for new rows, so storing a report no longer writes to a random page of that index. Rows stored before
-- keep their dedupe_key until the window is over. PostgreSQL keeps the unique index, which answers for every process.

-- sqlite-only
ALTER TABLE report ADD COLUMN dedupe_hash TEXT;
