-- smsgw schema, version 8: the outbound index by case id covers campaign messages only.
-- Campaign queries find a campaign's messages by case_id (the campaign) and state. Replies carry their report's case
-- id, a keyed permutation, so indexing them put every reply on a random index page at each intake commit, for no
-- query. The index is now partial; the campaign queries say lane = 1.
DROP INDEX outbound_case;
CREATE INDEX outbound_case ON outbound (case_id, state) WHERE lane = 1;
