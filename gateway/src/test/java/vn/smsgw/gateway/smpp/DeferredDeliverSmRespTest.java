package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeferredDeliverSmRespTest {

    private final DeferredDeliverSmResp sender = new DeferredDeliverSmResp(Runnable::run);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicInteger written = new AtomicInteger();

    @AfterEach
    void noHandOverLeftOnThisThread() throws IOException {
        ByteArrayOutputStream probe = new ByteArrayOutputStream();
        sender.sendDeliverSmResp(probe, SMPPConstant.STAT_ESME_ROK, 999, null);
        assertEquals(17, probe.size(), "a later deliver_sm_resp on this thread is written at once");
    }

    @Test
    void sendDeliverSmResp_handedOver_writesNothingUntilTheStatusCompletesThenThatStatus() throws IOException {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(41, status, written::incrementAndGet));

        sender.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 41, null);
        assertEquals(0, out.size());
        assertEquals(0, written.get());

        status.complete(SMPPConstant.STAT_ESME_RTHROTTLED);
        assertEquals(1, written.get());
        assertResp(out.toByteArray(), SMPPConstant.STAT_ESME_RTHROTTLED, 41);
    }

    @Test
    void sendDeliverSmResp_statusAlreadyComplete_writtenAtOnce() throws IOException {
        DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(7,
                CompletableFuture.completedFuture(SMPPConstant.STAT_ESME_ROK), written::incrementAndGet));

        sender.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 7, null);

        assertResp(out.toByteArray(), SMPPConstant.STAT_ESME_ROK, 7);
        assertEquals(1, written.get());
    }

    @Test
    void sendDeliverSmResp_statusFails_temporaryApplicationError() throws IOException {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(8, status, written::incrementAndGet));
        sender.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 8, null);

        status.completeExceptionally(new IllegalStateException("intake broke"));

        assertResp(out.toByteArray(), SMPPConstant.STAT_ESME_RX_T_APPN, 8);
        assertEquals(1, written.get());
    }

    @Test
    void sendDeliverSmResp_nothingHandedOver_writesJsmppsAnswer() throws IOException {
        sender.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_RINVDSTADR, 3, null);

        assertResp(out.toByteArray(), SMPPConstant.STAT_ESME_RINVDSTADR, 3);
    }

    @Test
    void sendDeliverSmResp_otherSequenceNumber_jsmppsAnswerStandsAndTheHandedOverOneIsReleased() throws IOException {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(5, status, written::incrementAndGet));

        sender.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 6, null);
        status.complete(SMPPConstant.STAT_ESME_ROK);

        assertResp(out.toByteArray(), SMPPConstant.STAT_ESME_ROK, 6);
        assertEquals(1, written.get(), "the handed-over answer is given up once, not written later");
    }

    @Test
    void sendDeliverSmResp_connectionGone_writtenStillRunsAndNothingThrows() throws IOException {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Socket closed");
            }
        };
        CompletableFuture<Integer> status = new CompletableFuture<>();
        DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(9, status, written::incrementAndGet));
        sender.sendDeliverSmResp(closed, SMPPConstant.STAT_ESME_ROK, 9, null);

        status.complete(SMPPConstant.STAT_ESME_ROK);

        assertEquals(1, written.get());
        assertTrue(status.isDone());
    }

    @Test
    void sendDeliverSmResp_withAWriter_theAnswerIsWrittenOnItNotOnTheCompletingThread() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "answers-under-test"));
        try {
            DeferredDeliverSmResp onWriter = new DeferredDeliverSmResp(writer);
            CompletableFuture<Integer> status = new CompletableFuture<>();
            AtomicReference<String> thread = new AtomicReference<>();
            DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(12, status,
                    () -> thread.set(Thread.currentThread().getName())));
            onWriter.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 12, null);

            status.complete(SMPPConstant.STAT_ESME_ROK);
            writer.shutdown();
            assertTrue(writer.awaitTermination(10, TimeUnit.SECONDS));

            assertEquals("answers-under-test", thread.get());
            assertResp(out.toByteArray(), SMPPConstant.STAT_ESME_ROK, 12);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void sendDeliverSmResp_writerShutDown_writtenOnTheCompletingThread() throws IOException {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        writer.shutdown();
        DeferredDeliverSmResp onWriter = new DeferredDeliverSmResp(writer);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        DeferredDeliverSmResp.handOver(new DeferredDeliverSmResp.Deferred(13, status, written::incrementAndGet));
        onWriter.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 13, null);

        status.complete(SMPPConstant.STAT_ESME_ROK);

        assertEquals(1, written.get());
        assertResp(out.toByteArray(), SMPPConstant.STAT_ESME_ROK, 13);
    }

    private static void assertResp(byte[] pdu, int status, int sequenceNumber) {
        assertEquals(17, pdu.length, "a deliver_sm_resp header and an empty message id");
        ByteBuffer b = ByteBuffer.wrap(pdu);
        assertEquals(17, b.getInt(0));
        assertEquals(0x80000005, b.getInt(4), "deliver_sm_resp");
        assertEquals(status, b.getInt(8));
        assertEquals(sequenceNumber, b.getInt(12));
    }
}
