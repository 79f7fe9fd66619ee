package vn.smsgw.dispatch.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smsgw.dispatch.blocklist.Blocklists;
import vn.smsgw.dispatch.blocklist.Vote;
import vn.smsgw.dispatch.blocklist.VoteOutcome;
import vn.smsgw.dispatch.store.Tx;

/** A blocklist fake that counts distinct reporters per source and records every vote; no thresholds. */
final class CountingBlocklists implements Blocklists {
    final List<Vote> votes = new ArrayList<>();
    private final Map<String, Set<String>> reporters = new HashMap<>();
    private final Set<String> allowlist;

    CountingBlocklists(Set<String> allowlist) {
        this.allowlist = allowlist;
    }

    @Override
    public synchronized List<VoteOutcome> vote(Tx tx, List<Vote> batch) {
        List<VoteOutcome> out = new ArrayList<>();
        for (Vote v : batch) {
            votes.add(v);
            Set<String> set = reporters.computeIfAbsent(v.source().value(), k -> new HashSet<>());
            boolean added = set.add(v.reporterHash());
            out.add(new VoteOutcome(added, set.size(), false));
        }
        return out;
    }

    @Override
    public synchronized int reporters(Tx tx, String list, vn.smsgw.parser.number.Source source) {
        return reporters.getOrDefault(source.value(), Set.of()).size();
    }

    @Override
    public boolean isAllowlisted(String source) {
        return allowlist.contains(source);
    }

    @Override
    public vn.smsgw.parser.number.Carrier carrierOf(vn.smsgw.parser.number.Source source) {
        return source.carrier();
    }

    synchronized int votes() {
        return votes.size();
    }
}
