package vn.smsgw.gateway.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.outbound.OutboundStatus;
import vn.smsgw.gateway.process.Gateway;

/** What the interop tests read back from a gateway on a fresh store. */
final class GatewayReads {
    private GatewayReads() {
    }

    /** The outbound messages of a fresh store: ids 1..count, and no more. */
    static List<OutboundStatus> outbound(Gateway gateway, int count) {
        List<OutboundStatus> all = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            long queueId = id;
            all.add(gateway.outbound().status(id).orElseThrow(() -> new AssertionError("no outbound " + queueId)));
        }
        assertTrue(gateway.outbound().status(count + 1L).isEmpty(), "more than " + count + " outbound messages");
        return all;
    }

    /** Every stored report, oldest first. */
    static List<StoredReport> reports(Gateway gateway) {
        List<StoredReport> all = new ArrayList<>();
        long after = 0;
        for (List<StoredReport> page; !(page = gateway.dispatch().reports().after(after, 1_000)).isEmpty(); ) {
            all.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        return all;
    }

    /** Reports by the digits of their reporter's number. */
    static Map<String, List<StoredReport>> byReporter(List<StoredReport> reports) {
        return reports.stream().collect(Collectors.groupingBy(r -> digits(r.reporter())));
    }

    /** The digits of an address ({@code +84…}, {@code 84…}). */
    static String digits(String address) {
        return address.replaceAll("[^0-9]", "");
    }
}
