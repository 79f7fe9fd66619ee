package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.Test;

class RefusedDeliverSmLogFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final RefusedDeliverSmLogFilter filter = new RefusedDeliverSmLogFilter();

    @Test
    void decide_refusalWhileClosing_isDropped() {
        assertEquals(FilterReply.DENY, filter.decide(event(RefusedDeliverSmLogFilter.LOGGER,
                RefusedDeliverSmLogFilter.MESSAGE, new ProcessRequestException("closing", 0x64))));
    }

    @Test
    void decide_otherRefusal_passes() {
        assertEquals(FilterReply.NEUTRAL, filter.decide(event(RefusedDeliverSmLogFilter.LOGGER,
                RefusedDeliverSmLogFilter.MESSAGE, new ProcessRequestException("intake failed", 0x64))));
    }

    @Test
    void decide_undecodableDeliverSm_passes() {
        assertEquals(FilterReply.NEUTRAL, filter.decide(event(RefusedDeliverSmLogFilter.LOGGER,
                "Failed decomposing deliver_sm", new IllegalStateException("closing"))));
    }

    @Test
    void decide_otherLogger_passes() {
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("vn.smsgw.gateway.smpp.Bind",
                RefusedDeliverSmLogFilter.MESSAGE, new ProcessRequestException("closing", 0x64))));
    }

    @Test
    void decide_noThrowable_passes() {
        assertEquals(FilterReply.NEUTRAL, filter.decide(event(RefusedDeliverSmLogFilter.LOGGER,
                RefusedDeliverSmLogFilter.MESSAGE, null)));
    }

    private LoggingEvent event(String logger, String message, Throwable thrown) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.ERROR, message, thrown, null);
    }
}
