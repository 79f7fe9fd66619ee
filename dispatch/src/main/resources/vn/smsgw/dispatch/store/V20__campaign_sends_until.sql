-- smsgw schema, version 20: until when a campaign's messages may be handed to a submitter (epoch milliseconds).
-- A campaign message comes back to the queue unsent after its campaign stopped when a submitter gives it back (its
-- bind dropped, the gateway stopping, half its claim's lease gone) or dies holding it; it was then claimed and sent
-- for a paused or cancelled campaign, or outside the campaign's sending window or validity. A claim now takes a
-- campaign message only while now < sends_until: the runner sets it, while the campaign runs and its window is open,
-- to the earlier of the window's close and the end of the campaign's validity; every change of the campaign's state
-- resets it to 0, until the runner's next pass.
ALTER TABLE campaign ADD COLUMN sends_until BIGINT NOT NULL DEFAULT 0;
