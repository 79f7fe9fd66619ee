package vn.smsgw.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.intake.ReportStore;
import vn.smsgw.dispatch.intake.StoredPart;
import vn.smsgw.dispatch.intake.StoredReport;

/**
 * {@code GET /api/reports?after=&limit=}: stored messages (reports and rejected messages) with an id greater than
 * {@code after} (default 0), oldest first, at most {@code limit} (1–1000, default 100), as
 * {@code {"reports":[...],"next":<id>}} where {@code next} is the last id returned ({@code after} when none), the
 * {@code after} of the next page. {@code GET /api/reports/{caseId}}: one message, with the parts that came after it
 * was stored incomplete ({@code lateParts}), or 404. Objects per {@link ReportJson}.
 */
final class ReportsEndpoint implements Endpoint {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ReportStore reports;
    private final Function<CaseId, List<StoredPart>> lateParts;

    ReportsEndpoint(ReportStore reports, Function<CaseId, List<StoredPart>> lateParts) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.lateParts = Objects.requireNonNull(lateParts, "lateParts");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(AdminScope.REPORTS, "/api/reports", this::page),
                Route.get(AdminScope.REPORTS, "/api/reports/{caseId}", this::one));
    }

    private AdminResponse page(AdminRequest request) {
        long after = request.longParam("after", 0, 0, Long.MAX_VALUE);
        int limit = request.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<StoredReport> page = reports.after(after, limit);
        long next = page.isEmpty() ? after : page.get(page.size() - 1).id();
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("reports");
            for (StoredReport r : page) {
                ReportJson.write(json, r);
            }
            json.writeEndArray();
            json.writeNumberField("next", next);
            json.writeEndObject();
        });
    }

    private AdminResponse one(AdminRequest request) {
        CaseId caseId = CaseId.parse(request.pathParam("caseId"))
                .orElseThrow(() -> new BadParameterException("caseId", "caseId is not a case id"));
        Optional<StoredReport> found = reports.find(caseId);
        if (found.isEmpty()) {
            return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no report with case id " + caseId);
        }
        List<StoredPart> late = lateParts.apply(caseId);
        return JsonResponses.ok(json -> ReportJson.write(json, found.get(), late));
    }
}
