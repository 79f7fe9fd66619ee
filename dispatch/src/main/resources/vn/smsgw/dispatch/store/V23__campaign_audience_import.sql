-- smsgw schema, version 23: the audience import in progress on a draft campaign. An import commits its recipients in
-- chunks, so an import that stops before the end of its file (the process killed, the operator's session dropped, a
-- file unreadable half-way) left a draft holding part of its audience, which could then be started and would skip the
-- rest without a word. An import writes its token here before its first chunk and clears it (only its own) after its
-- last; START is refused while a token is left. Importing the same file again completes the audience (recipients
-- already added are skipped) and clears the token.
ALTER TABLE campaign ADD COLUMN audience_import BIGINT;
