package vn.smsgw.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.smsgw.dispatch.cases.CaseId;
import vn.smsgw.dispatch.police.PoliceDelivery;
import vn.smsgw.dispatch.police.PoliceQueue;

/**
 * The embedded police queue. {@code GET /api/police?after=&limit=}: cases with an outbox id greater than
 * {@code after} (default 0), at most {@code limit} (1–1000, default 100), acked or not, hiding nothing, as
 * {@code {"cases":[{"outboxId":1,"caseId":"...","case":{...}}],"next":<outboxId>}}. {@code POST /api/police/pull?max=}:
 * up to {@code max} (1–1000, default 100) cases not yet acked, each hidden from further pulls for the visibility
 * timeout, as {@code {"cases":[...]}}. {@code POST /api/police/{caseId}/ack}: {@code {"caseId":"...","acked":true}},
 * or 404 for an unknown case. When police cases are relayed to RabbitMQ every route answers 409.
 */
final class PoliceEndpoint implements Endpoint {

    /*
     * The case documents are embedded as they are stored (PoliceCaseJson), with the full reporter number: this API
     * is the police's delivery channel, like the RabbitMQ queue it replaces. pull is a POST because it changes state
     * (it hides what it hands out).
     */

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String RELAYED = "police cases are relayed to RabbitMQ; the embedded queue is not served";

    private final PoliceQueue queue;
    private final boolean relayed;

    PoliceEndpoint(PoliceQueue queue, boolean relayedToRabbit) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.relayed = relayedToRabbit;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(AdminScope.POLICE, "/api/police", this::list),
                Route.post(AdminScope.POLICE, "/api/police/pull", this::pull),
                Route.post(AdminScope.POLICE, "/api/police/{caseId}/ack", this::ack));
    }

    private AdminResponse list(AdminRequest request) {
        if (relayed) {
            return conflict();
        }
        long after = request.longParam("after", 0, 0, Long.MAX_VALUE);
        int limit = request.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<PoliceDelivery> cases = queue.after(after, limit);
        long next = cases.isEmpty() ? after : cases.get(cases.size() - 1).outboxId();
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            writeCases(json, cases);
            json.writeNumberField("next", next);
            json.writeEndObject();
        });
    }

    private AdminResponse pull(AdminRequest request) {
        if (relayed) {
            return conflict();
        }
        int max = request.intParam("max", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<PoliceDelivery> cases = queue.pull(max);
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            writeCases(json, cases);
            json.writeEndObject();
        });
    }

    private AdminResponse ack(AdminRequest request) {
        if (relayed) {
            return conflict();
        }
        Optional<CaseId> caseId = CaseId.parse(request.pathParam("caseId"));
        if (caseId.isEmpty()) {
            throw new BadParameterException("caseId", "caseId is not a case id");
        }
        String id = caseId.get().value();
        if (!queue.ack(id)) {
            return JsonResponses.error(HttpResponseStatus.NOT_FOUND, "no police case " + id);
        }
        return JsonResponses.ok(json -> {
            json.writeStartObject();
            json.writeStringField("caseId", id);
            json.writeBooleanField("acked", true);
            json.writeEndObject();
        });
    }

    private static void writeCases(JsonGenerator json, List<PoliceDelivery> cases) throws IOException {
        json.writeArrayFieldStart("cases");
        for (PoliceDelivery d : cases) {
            json.writeStartObject();
            json.writeNumberField("outboxId", d.outboxId());
            json.writeStringField("caseId", d.caseId());
            json.writeFieldName("case");
            json.writeRawValue(d.payload());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static AdminResponse conflict() {
        return JsonResponses.error(HttpResponseStatus.CONFLICT, RELAYED);
    }
}
