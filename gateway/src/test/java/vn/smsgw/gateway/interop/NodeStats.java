package vn.smsgw.gateway.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot of the Node SMSC's counters ({@code GET /stats}). */
record NodeStats(JsonNode json) {

    int boundSessions() {
        return json.get("boundSessions").asInt();
    }

    /** deliver_sm carrying MO (one per part) sent so far. */
    int moSent() {
        return json.get("mo").get("sent").asInt();
    }

    /** deliver_sm_resp to MO by command_status (hex, e.g. {@code 0x00000000}). */
    Map<String, Integer> moResponses() {
        return byStatus(json.get("mo").get("responses"));
    }

    int moAnswered() {
        return moResponses().values().stream().mapToInt(Integer::intValue).sum();
    }

    int submitsReceived() {
        return json.get("submit").get("received").asInt();
    }

    int submitsThrottled() {
        return json.get("submit").get("throttled").asInt();
    }

    int submitsAccepted() {
        return json.get("submit").get("accepted").asInt();
    }

    /** deliver_sm_resp to delivery receipts by command_status (hex). */
    Map<String, Integer> receiptResponses() {
        return byStatus(json.get("dlr").get("responses"));
    }

    int receiptsAnswered() {
        return receiptResponses().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> byStatus(JsonNode counts) {
        Map<String, Integer> m = new TreeMap<>();
        counts.fields().forEachRemaining(e -> m.put(String.format("0x%08X", Integer.parseInt(e.getKey())),
                e.getValue().asInt()));
        return m;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
