-- smsgw schema, version 2: blocklist feed cursors and reference-data revisions.

-- How far a relay (e.g. 'rabbit') has published the change feed: the last blocklist_event.seq it had confirmed.
CREATE TABLE blocklist_cursor (
  name TEXT PRIMARY KEY,
  seq BIGINT NOT NULL
);

-- A counter per reference table ('allowlist', 'portability'), bumped on every write so that each process's cache
-- knows when to reload.
CREATE TABLE blocklist_revision (
  name TEXT PRIMARY KEY,
  revision BIGINT NOT NULL
);

-- Entries by source (a source's entries on every list: allowlisting delists it everywhere).
CREATE INDEX blocklist_entry_source ON blocklist_entry (source);

-- Each reporter of a source on a list, once, whatever the commands: the entry's reporter count grows by one when a
-- row is new, so counting never scans a source's votes. Holds keyed hashes, never numbers.
CREATE TABLE blocklist_reporter (
  list TEXT NOT NULL,
  source TEXT NOT NULL,
  reporter_hash TEXT NOT NULL,
  PRIMARY KEY (list, source, reporter_hash)
);
