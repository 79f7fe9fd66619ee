-- smsgw schema, version 17: blocklist_entry_state also holds the source. A change of state (candidate to listed,
-- listed to delisted) updates one entry by list, source and its current state, and the old index on (list, state)
-- matched two of those three: a planner without statistics for the table, as PostgreSQL's is for its first minute
-- or so, could pick it over the primary key and then read every candidate of the list to find one. With the source
-- in the index, either index finds the entry directly, and the export of a list's listed entries, ordered by source,
-- reads them in order.

DROP INDEX blocklist_entry_state;
CREATE INDEX blocklist_entry_state ON blocklist_entry (list, state, source);
