package vn.smsgw.dispatch.intake;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import vn.smsgw.dispatch.routing.Route;
import vn.smsgw.parser.number.Msisdn;
import vn.smsgw.parser.report.ParseResult;

/**
 * A message prepared in the caller's thread (parsed, routed, keyed) and waiting for its group commit, or a part of a
 * concatenated message ({@code part} set, the message fields null; {@code dedupeKey} then hashes the part's text).
 * {@code route} is null for rejected messages; {@code partGroup} names the stored parts a reassembled message
 * replaces.
 */
final class Pending {
    final InboundSms sms;
    final String dedupeKey;
    final Optional<Msisdn> reporter;
    final String reporterHash;
    final ParseResult parse;
    final Route route;
    final InboundPart part;
    final String partGroup;
    final CompletableFuture<IntakeResult> future = new CompletableFuture<>();

    Pending(InboundSms sms, String dedupeKey, Optional<Msisdn> reporter, String reporterHash, ParseResult parse,
            Route route) {
        this(sms, dedupeKey, reporter, reporterHash, parse, route, null, null);
    }

    private Pending(InboundSms sms, String dedupeKey, Optional<Msisdn> reporter, String reporterHash,
                    ParseResult parse, Route route, InboundPart part, String partGroup) {
        this.part = part;
        this.partGroup = partGroup;
        this.sms = sms;
        this.dedupeKey = dedupeKey;
        this.reporter = reporter;
        this.reporterHash = reporterHash;
        this.parse = parse;
        this.route = route;
    }

    /** A part waiting to be stored; {@code textHash} identifies its content. */
    static Pending part(InboundPart part, String textHash) {
        return new Pending(null, textHash, Optional.empty(), "", null, null, part, null);
    }

    /** This whole message, reassembled from the parts of {@code group}, which its commit removes. */
    Pending reassembledFrom(String group) {
        return new Pending(sms, dedupeKey, reporter, reporterHash, parse, route, null, group);
    }

    /** The reporter as stored: the E.164 number, or the raw address when it is not valid. */
    String reporterText() {
        return reporter.map(Msisdn::e164).orElse(sms.reporter());
    }
}
