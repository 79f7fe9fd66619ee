-- smsgw schema, version 18: one counter row per reporter instead of a row per reporter and day (reporter_day) and a
-- row per reporter and hour (reporter_hour). The row holds the reporter's latest day with its reports (the daily
-- quota) and latest hour with its replies (the reply rate limit); a batch that comes in a later day or hour starts
-- that count again. Intake used to upsert both tables for every group commit, two rows and two primary-key entries
-- for a new reporter; now it upserts one. The old tables also grew by a row per reporter every day and every hour,
-- and nothing removed them. Only the newest day and hour of each reporter are carried over: older ones no longer
-- count for anything. (The embedded store keeps these counts in memory and never wrote these tables.)

CREATE TABLE reporter_count (
  reporter TEXT PRIMARY KEY,
  day INTEGER NOT NULL,
  reports INTEGER NOT NULL,
  hour BIGINT NOT NULL,
  replies INTEGER NOT NULL
);
INSERT INTO reporter_count (reporter, day, reports, hour, replies)
SELECT r.reporter,
  COALESCE((SELECT d.day FROM reporter_day d WHERE d.reporter = r.reporter ORDER BY d.day DESC LIMIT 1), 0),
  COALESCE((SELECT d.reports FROM reporter_day d WHERE d.reporter = r.reporter ORDER BY d.day DESC LIMIT 1), 0),
  COALESCE((SELECT h.hour FROM reporter_hour h WHERE h.reporter = r.reporter ORDER BY h.hour DESC LIMIT 1), 0),
  COALESCE((SELECT h.replies FROM reporter_hour h WHERE h.reporter = r.reporter ORDER BY h.hour DESC LIMIT 1), 0)
FROM (SELECT reporter FROM reporter_day UNION SELECT reporter FROM reporter_hour) r;
DROP TABLE reporter_day;
DROP TABLE reporter_hour;
