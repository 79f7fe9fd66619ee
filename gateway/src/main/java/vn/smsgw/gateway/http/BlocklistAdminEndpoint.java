package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.smsgw.dispatch.blocklist.AdminOutcome;
import vn.smsgw.dispatch.blocklist.AuditRecord;
import vn.smsgw.dispatch.blocklist.BlocklistAdmin;
import vn.smsgw.dispatch.blocklist.BlocklistExport;
import vn.smsgw.dispatch.blocklist.BlocklistName;
import vn.smsgw.parser.number.NumberPlan;
import vn.smsgw.parser.number.Source;

/**
 * Operator actions on the blocklists, each committed with its audit record ({@link BlocklistAdmin}).
 * {@code POST /api/blocklist/{list}/entries/{source}/delist?reason=&actor=} and {@code …/relist?reason=&actor=}: move
 * an entry between LISTED and DELISTED, with a feed event; 404 when the list has no such entry, 409 when it is not in
 * the state the action leaves (or, for a relist, when the source is allowlisted).
 * {@code POST /api/allowlist/{source}?note=&actor=}: allowlists a source and delists it wherever it is listed.
 * {@code DELETE /api/allowlist/{source}?actor=}: removes an operator's allowlist entry (404 when there is none; the
 * built-in entries cannot be removed, 400). {@code GET /api/audit/{source}}: the audit trail of a source, oldest first.
 *
 * <p>A source is typed as a number in any form the numbering plan reads ({@code 0987654321}, {@code +84987654321},
 * a short code) or as a brandname exactly as the export lists it. {@code reason}, {@code note} and {@code actor} are
 * required: every change says who made it and why.
 */
final class BlocklistAdminEndpoint implements Endpoint {

    private final BlocklistAdmin admin;

    BlocklistAdminEndpoint(BlocklistAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/blocklist/{list}/entries/{source}/delist", r -> change(r, true)),
                Route.post("/api/blocklist/{list}/entries/{source}/relist", r -> change(r, false)),
                Route.post("/api/allowlist/{source}", this::allow),
                Route.delete("/api/allowlist/{source}", this::disallow),
                Route.get("/api/audit/{source}", this::audit));
    }

    private AdminResponse change(AdminRequest request, boolean delist) {
        String list = request.pathParam("list").toUpperCase(Locale.ROOT);
        if (!BlocklistName.isValid(list)) {
            return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no blocklist named " + request.pathParam("list"));
        }
        String source = source(request);
        String reason = required(request, "reason");
        String actor = required(request, "actor");
        AdminOutcome outcome = delist ? admin.delist(list, source, reason, actor)
                : admin.relist(list, source, reason, actor);
        if (outcome instanceof AdminOutcome.UnknownEntry) {
            return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no entry " + source + " on " + list);
        }
        if (outcome instanceof AdminOutcome.WrongState w) {
            return JsonResponses.error(HttpResponseStatus.CONFLICT, "entry " + source + " on " + list + " is "
                    + w.state() + (delist ? ", not LISTED" : ", not DELISTED"));
        }
        if (outcome instanceof AdminOutcome.Allowlisted) {
            return JsonResponses.error(HttpResponseStatus.CONFLICT, source + " is allowlisted and is never listed");
        }
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeStringField("list", list);
            json.writeStringField("source", source);
            json.writeStringField("state", delist ? "DELISTED" : "LISTED");
            json.writeEndObject();
        });
    }

    private AdminResponse allow(AdminRequest request) {
        String source = source(request);
        String note = required(request, "note");
        String actor = required(request, "actor");
        int delisted;
        try {
            delisted = admin.allow(source, note, actor);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("source", e.getMessage());
        }
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeStringField("source", source);
            json.writeBooleanField("allowlisted", true);
            json.writeNumberField("delisted", delisted);
            json.writeEndObject();
        });
    }

    private AdminResponse disallow(AdminRequest request) {
        String source = source(request);
        String actor = required(request, "actor");
        boolean removed;
        try {
            removed = admin.disallow(source, actor);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("source", e.getMessage());
        }
        if (!removed) {
            return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no operator allowlist entry " + source);
        }
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeStringField("source", source);
            json.writeBooleanField("allowlisted", false);
            json.writeEndObject();
        });
    }

    private AdminResponse audit(AdminRequest request) {
        String source = source(request);
        List<AuditRecord> records = admin.auditTrail(source);
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeStringField("source", source);
            json.writeArrayFieldStart("records");
            for (AuditRecord r : records) {
                json.writeStartObject();
                json.writeStringField("at", BlocklistExport.time(r.at()));
                json.writeStringField("actor", r.actor());
                json.writeStringField("action", r.action().name());
                json.writeStringField("list", r.list());
                json.writeStringField("reason", r.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** The source as stored: a number normalised by the numbering plan, else the text as typed (a brandname). */
    private static String source(AdminRequest request) {
        String typed = request.pathParam("source").strip();
        if (typed.isEmpty()) {
            throw new BadParameterException("source", "source must not be blank");
        }
        return NumberPlan.reported(typed, true).map(Source::value).orElse(typed);
    }

    private static String required(AdminRequest request, String name) {
        String value = request.param(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new BadParameterException(name, name + " is required");
        }
        return value;
    }
}
