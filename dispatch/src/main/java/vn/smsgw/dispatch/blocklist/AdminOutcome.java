package vn.smsgw.dispatch.blocklist;

/** What an operator's delist or relist did. */
public sealed interface AdminOutcome {

    /** The entry changed state; the feed event and the audit record are committed. */
    record Applied() implements AdminOutcome {
    }

    /** The source has no entry on that list. */
    record UnknownEntry() implements AdminOutcome {
    }

    /** The entry is not in the state the action starts from (e.g. delisting a candidate); nothing changed. */
    record WrongState(EntryState state) implements AdminOutcome {
    }

    /** Relisting an allowlisted source is refused; remove it from the allowlist first. */
    record Allowlisted() implements AdminOutcome {
    }
}
