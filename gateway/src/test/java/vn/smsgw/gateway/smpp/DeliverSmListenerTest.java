package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smsgw.dispatch.Dispatch;
import vn.smsgw.dispatch.DispatchSettings;
import vn.smsgw.dispatch.intake.InboundSms;
import vn.smsgw.dispatch.intake.JdbcPartStore;
import vn.smsgw.dispatch.intake.ReportFlag;
import vn.smsgw.dispatch.intake.StoredPart;
import vn.smsgw.dispatch.intake.StoredReport;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.DatabaseConfig;
import vn.smsgw.parser.report.Rejection;

/** The listener called as jsmpp calls it: what is stored, what goes to receipts, and the answer status. */
class DeliverSmListenerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T02:00:00Z");
    private static final String REPORTER = "84912345678";

    @TempDir
    Path dir;

    private Database database;
    private Dispatch dispatch;
    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The time of both the listener and intake: it stands still unless a test moves it. */
    private final SteppedClock clock = new SteppedClock(NOW);
    private DeliverSmListener listener;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseConfig.sqlite(dir));
        dispatch = Dispatch.open(database, DispatchSettings.defaults(MoGateway.REPORTER_KEY), clock);
        listener = new DeliverSmListener(MoGateway.smsc(2775).build(), MoGateway.sinks(dispatch.intake(), receipts),
                meters, clock);
    }

    /** A clock that moves only when told to. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @AfterEach
    void close() {
        dispatch.close();
        database.close();
    }

    private static DeliverSm deliverSm(String destination, int esmClass, int dataCoding, byte[] message) {
        DeliverSm pdu = new DeliverSm();
        pdu.setSourceAddr(REPORTER);
        pdu.setDestAddress(destination);
        pdu.setEsmClass((byte) esmClass);
        pdu.setDataCoding((byte) dataCoding);
        pdu.setShortMessage(message);
        return pdu;
    }

    private static DeliverSm text(String text) {
        return deliverSm("156", 0, 0x08, Pdus.ucs2(text));
    }

    private List<StoredReport> stored() {
        return StoredMo.all(dispatch.reports());
    }

    private static int status(ProcessRequestException e) {
        return e.getErrorCode();
    }

    @Test
    void onAcceptDeliverSm_wholeText_storedBeforeItReturns() throws Exception {
        listener.onAcceptDeliverSm(text("LD 0987654321 lừa đảo"));

        StoredReport report = stored().get(0);
        assertEquals("LD 0987654321 lừa đảo", report.rawText());
        assertEquals("156", report.shortCode());
        assertEquals("sim", report.smscId());
        assertEquals(NOW, report.receivedAt());
        assertEquals(InboundSms.Form.TEXT, report.form());
        assertEquals(1, StoredMo.repliesByCase(database).get(report.caseId().value()));
    }

    @Test
    void onAcceptDeliverSm_redelivery_answeredOkAndStoredOnce() throws Exception {
        listener.onAcceptDeliverSm(text("V 0987654321 quang cao"));
        listener.onAcceptDeliverSm(text("V 0987654321 quang cao"));

        assertEquals(1, stored().size());
        assertEquals(1, StoredMo.repliesByCase(database).size());
    }

    @Test
    void onAcceptDeliverSm_udhParts_storedOnceWhenTheLastArrives() throws Exception {
        byte[] first = Pdus.concat(Pdus.hex("050003 2a 02 01"), "LD 0987654321 ".getBytes(StandardCharsets.US_ASCII));
        byte[] second = Pdus.concat(Pdus.hex("050003 2a 02 02"), "lua dao".getBytes(StandardCharsets.US_ASCII));

        listener.onAcceptDeliverSm(deliverSm("5656", 0x40, 0x00, second));
        assertTrue(stored().isEmpty(), "a part alone is not a message");
        listener.onAcceptDeliverSm(deliverSm("5656", 0x40, 0x00, second));
        listener.onAcceptDeliverSm(deliverSm("5656", 0x40, 0x00, first));

        List<StoredReport> reports = stored();
        assertEquals(1, reports.size());
        assertEquals("LD 0987654321 lua dao", reports.get(0).rawText());
        assertEquals("5656", reports.get(0).shortCode());
    }

    private static DeliverSm udhPart(String udh, int dataCoding, byte[] octets) {
        return deliverSm("156", 0x40, dataCoding, Pdus.concat(Pdus.hex(udh), octets));
    }

    private static DeliverSm sarPart(int ref, int total, int seq, int dataCoding, byte[] octets) {
        DeliverSm pdu = deliverSm("156", 0, dataCoding, octets);
        pdu.setOptionalParameters(new OptionalParameter.Sar_msg_ref_num((short) ref),
                new OptionalParameter.Sar_total_segments((byte) total),
                new OptionalParameter.Sar_segment_seqnum((byte) seq));
        return pdu;
    }

    private String onlyText() {
        List<StoredReport> reports = stored();
        assertEquals(1, reports.size(), "messages stored");
        return reports.get(0).rawText();
    }

    @Test
    void onAcceptDeliverSm_emojiSplitAcrossUcs2PartsArrivingOutOfOrder_storedWithTheEmoji() throws Exception {
        listener.onAcceptDeliverSm(udhPart("050003 2b 02 02", 0x08, Pdus.concat(Pdus.hex("de00"), Pdus.ucs2(" x"))));
        listener.onAcceptDeliverSm(udhPart("050003 2b 02 01", 0x08,
                Pdus.concat(Pdus.ucs2("S 0987654321 lua dao "), Pdus.hex("d83d"))));

        assertEquals("S 0987654321 lua dao 😀 x", onlyText());
    }

    @Test
    void onAcceptDeliverSm_ucs2PartsSplitOnAnOddOctet_storedWithTheCharacter() throws Exception {
        byte[] octets = Pdus.ucs2("LD 0987654321 lừa đảo");
        listener.onAcceptDeliverSm(udhPart("060804 0102 02 01", 0x08, Arrays.copyOfRange(octets, 0, 33)));
        listener.onAcceptDeliverSm(udhPart("060804 0102 02 02", 0x08, Arrays.copyOfRange(octets, 33, octets.length)));

        assertEquals("LD 0987654321 lừa đảo", onlyText());
    }

    @Test
    void onAcceptDeliverSm_gsmEscapeAtTheEndOfPartOne_storedWithTheEuroSign() throws Exception {
        listener.onAcceptDeliverSm(sarPart(9, 2, 1, 0x00, Pdus.hex("56 20 30 39 38 37 36 35 34 33 32 31 20 35 1b")));
        listener.onAcceptDeliverSm(sarPart(9, 2, 2, 0x00, Pdus.hex("65 20 00")));

        assertEquals("V 0987654321 5€ @", onlyText());
    }

    @Test
    void onAcceptDeliverSm_partsInDifferentCodings_eachRunDecodedInItsOwn() throws Exception {
        listener.onAcceptDeliverSm(udhPart("050003 2c 03 01", 0x00, Pdus.hex("4c4420 30393837363534333231 20")));
        listener.onAcceptDeliverSm(udhPart("050003 2c 03 02", 0x08,
                Pdus.concat(Pdus.ucs2("lừa đảo "), Pdus.hex("d83d"))));
        listener.onAcceptDeliverSm(udhPart("050003 2c 03 03", 0x08, Pdus.concat(Pdus.hex("de00"), Pdus.ucs2(" x"))));

        assertEquals("LD 0987654321 lừa đảo 😀 x", onlyText());
    }

    @Test
    void onAcceptDeliverSm_sameReferenceInUdh8Udh16AndSar_storedAsThreeMessages() throws Exception {
        listener.onAcceptDeliverSm(udhPart("050003 05 02 01", 0x08, Pdus.ucs2("S 0987654321 ")));
        listener.onAcceptDeliverSm(udhPart("060804 0005 02 01", 0x08, Pdus.ucs2("V 0987654321 ")));
        listener.onAcceptDeliverSm(sarPart(5, 2, 1, 0x08, Pdus.ucs2("LD 0987654321 ")));
        listener.onAcceptDeliverSm(udhPart("050003 05 02 02", 0x08, Pdus.ucs2("udh 8")));
        listener.onAcceptDeliverSm(udhPart("060804 0005 02 02", 0x08, Pdus.ucs2("udh 16")));
        listener.onAcceptDeliverSm(sarPart(5, 2, 2, 0x08, Pdus.ucs2("sar")));

        assertEquals(List.of("S 0987654321 udh 8", "V 0987654321 udh 16", "LD 0987654321 sar"),
                stored().stream().map(StoredReport::rawText).toList());
        assertEquals(3, StoredMo.repliesByCase(database).size());
    }

    @Test
    void onAcceptDeliverSm_partAfterItsMessageWasStoredIncomplete_answeredOkAndKeptWithTheCaseOnly() throws Exception {
        listener.onAcceptDeliverSm(udhPart("050003 2d 03 01", 0x08, Pdus.ucs2("LD 0987654321 goi")));
        listener.onAcceptDeliverSm(udhPart("050003 2d 03 03", 0x08, Pdus.ucs2(" cong an")));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, dispatch.intake().sweepParts());
        StoredReport report = stored().get(0);

        listener.onAcceptDeliverSm(udhPart("050003 2d 03 02", 0x08, Pdus.ucs2(" gia danh")));
        listener.onAcceptDeliverSm(udhPart("050003 2d 03 01", 0x08, Pdus.ucs2("LD 0987654321 goi")));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(0, dispatch.intake().sweepParts());

        assertEquals(List.of(report), stored(), "no second message");
        assertTrue(report.flags().contains(ReportFlag.INCOMPLETE));
        assertEquals(Map.of(report.caseId().value(), 1), StoredMo.repliesByCase(database), "no second reply");
        List<StoredPart> late = database.read(tx -> new JdbcPartStore().lateParts(tx, report.caseId()));
        assertEquals(List.of(" gia danh"), late.stream().map(p -> p.content().text()).toList());
        assertEquals(1, dispatch.intake().latePartCount());
        assertEquals(4.0, meters.get("smsgw.mo.answered").tags("status", "ESME_ROK").counter().count());
    }

    @Test
    void onAcceptDeliverSm_binaryCoding_storedAsHexAndFlagged() throws Exception {
        listener.onAcceptDeliverSm(deliverSm("156", 0, 0x04, Pdus.hex("cafe00")));

        StoredReport report = stored().get(0);
        assertEquals("cafe00", report.rawText());
        assertEquals(InboundSms.Form.BINARY, report.form());
        assertTrue(report.flags().contains(ReportFlag.BINARY));
        assertEquals(1, StoredMo.repliesByCase(database).get(report.caseId().value()), "answered with help");
    }

    @Test
    void onAcceptDeliverSm_concatenatedBinary_joinedIntoOneBinaryMessage() throws Exception {
        listener.onAcceptDeliverSm(deliverSm("156", 0x40, 0xF6, Pdus.hex("050003 07 02 01 0102")));
        listener.onAcceptDeliverSm(deliverSm("156", 0x40, 0xF6, Pdus.hex("050003 07 02 02 0304")));

        List<StoredReport> reports = stored();
        assertEquals(1, reports.size());
        assertEquals("0500030702010102" + "0500030702020304", reports.get(0).rawText());
        assertEquals(InboundSms.Form.BINARY, reports.get(0).form());
    }

    @Test
    void onAcceptDeliverSm_receipt_goesToTheReceiptsNotIntake() throws Exception {
        DeliverSm receipt = deliverSm("84912345678", 0x04, 0,
                "id:1a2b sub:001 dlvrd:001 submit date:2503010900 done date:2503010901 stat:DELIVRD err:000 text:"
                        .getBytes(StandardCharsets.US_ASCII));

        listener.onAcceptDeliverSm(receipt);

        assertEquals(1, receipts.size());
        assertEquals("1a2b", receipts.get(0).messageId());
        assertEquals(ReceiptState.DELIVERED, receipts.get(0).state());
        assertTrue(stored().isEmpty());
    }

    @Test
    void onAcceptDeliverSm_receiptSinkFails_temporaryError() {
        DeliverSmListener failing = new DeliverSmListener(MoGateway.smsc(2775).build(),
                new MoSinks(dispatch.intake(), (smsc, r) -> {
                    throw new IllegalStateException("receipt store down");
                }), meters, Clock.systemUTC());

        ProcessRequestException e = assertThrows(ProcessRequestException.class, () -> failing.onAcceptDeliverSm(
                deliverSm("849", 0x04, 0, "id:9 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII))));

        assertEquals(SMPPConstant.STAT_ESME_RX_T_APPN, status(e));
    }

    @Test
    void onAcceptDeliverSm_brokenUdh_answeredWithTheDecodersStatusAndNothingStored() {
        ProcessRequestException e = assertThrows(ProcessRequestException.class,
                () -> listener.onAcceptDeliverSm(deliverSm("156", 0x40, 0, Pdus.hex("0a0003"))));

        assertEquals(CommandStatus.ESME_RINVMSGLEN.code(), status(e));
        assertTrue(stored().isEmpty());
        assertEquals(1.0, meters.get("smsgw.mo.answered").tags("status", "ESME_RINVMSGLEN").counter().count());
    }

    @Test
    void onAcceptDeliverSm_smeAcknowledgement_invalidEsmClassAndNothingStored() {
        ProcessRequestException e = assertThrows(ProcessRequestException.class, () -> listener.onAcceptDeliverSm(
                deliverSm("156", 0x08, 0, "LD 0912345678 OTP".getBytes(StandardCharsets.US_ASCII))));

        assertEquals(0x43, status(e));
        assertTrue(stored().isEmpty());
        assertEquals(1.0, meters.get("smsgw.mo.answered").tags("status", "ESME_RINVESMCLASS").counter().count());
    }

    @Test
    void onAcceptDeliverSm_noDestination_invalidDestinationAddress() {
        ProcessRequestException e = assertThrows(ProcessRequestException.class,
                () -> listener.onAcceptDeliverSm(deliverSm("", 0, 0, "LD".getBytes(StandardCharsets.US_ASCII))));

        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, status(e));
    }

    @Test
    void onAcceptDeliverSm_intakeNotTakingMessages_throttled() {
        dispatch.intake().close();

        ProcessRequestException e = assertThrows(ProcessRequestException.class,
                () -> listener.onAcceptDeliverSm(text("LD 0987654321")));

        assertEquals(SMPPConstant.STAT_ESME_RTHROTTLED, status(e));
    }

    @Test
    void onAcceptDeliverSm_storageFails_temporaryApplicationError() {
        database.close();

        ProcessRequestException e = assertThrows(ProcessRequestException.class,
                () -> listener.onAcceptDeliverSm(text("LD 0987654321")));

        assertEquals(SMPPConstant.STAT_ESME_RX_T_APPN, status(e));
    }

    /** As jsmpp does on its PDU thread: the listener, then the deliver_sm_resp; waits for what is written. */
    private static int answeredDeferred(DeliverSmListener deferring, DeliverSm pdu) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeferredDeliverSmResp sender = new DeferredDeliverSmResp(Runnable::run);
        try {
            deferring.onAcceptDeliverSm(pdu);
            sender.sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, pdu.getSequenceNumber(), null);
        } catch (ProcessRequestException e) {
            sender.sendDeliverSmResp(out, e.getErrorCode(), pdu.getSequenceNumber(), null);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deferring.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        byte[] resp;
        synchronized (out) {
            resp = out.toByteArray();
        }
        assertEquals(17, resp.length, "one deliver_sm_resp written");
        assertEquals(pdu.getSequenceNumber(), ByteBuffer.wrap(resp).getInt(12));
        return ByteBuffer.wrap(resp).getInt(8);
    }

    private DeliverSmListener deferring() {
        return new DeliverSmListener(MoGateway.smsc(2775).build(), MoGateway.sinks(dispatch.intake(), receipts),
                meters, Clock.fixed(NOW, ZoneOffset.UTC), true);
    }

    @Test
    void onAcceptDeliverSm_deferred_answeredOkOnceCommitted() throws Exception {
        DeliverSm pdu = text("LD 0987654321 lua dao");
        pdu.setSequenceNumber(77);

        assertEquals(SMPPConstant.STAT_ESME_ROK, answeredDeferred(deferring(), pdu));

        assertEquals(1, stored().size(), "stored by the time it is answered");
        assertEquals(1.0, meters.get("smsgw.mo.answered").tags("status", "ESME_ROK").counter().count());
    }

    @Test
    void onAcceptDeliverSm_deferredAndStorageFails_temporaryApplicationError() throws Exception {
        database.close();
        DeliverSm pdu = text("LD 0987654321");
        pdu.setSequenceNumber(78);

        assertEquals(SMPPConstant.STAT_ESME_RX_T_APPN, answeredDeferred(deferring(), pdu));
    }

    @Test
    void onAcceptDeliverSm_deferredAndNoDestination_answeredAtOnceWithTheError() throws Exception {
        DeliverSm pdu = deliverSm("", 0, 0, "LD".getBytes(StandardCharsets.US_ASCII));
        pdu.setSequenceNumber(79);

        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, answeredDeferred(deferring(), pdu));
    }

    @Test
    void onAcceptDeliverSm_deferredAndRefusedAtOnce_handsTheRefusalOverInsteadOfThrowingIt() throws Exception {
        DeliverSm pdu = deliverSm("", 0, 0, "LD".getBytes(StandardCharsets.US_ASCII));
        pdu.setSequenceNumber(81);
        DeliverSmListener deferring = deferring();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // thrown, jsmpp would log it at ERROR with a stack trace, once per refused PDU
        assertDoesNotThrow(() -> deferring.onAcceptDeliverSm(pdu));
        new DeferredDeliverSmResp(Runnable::run).sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 81, null);

        byte[] resp = out.toByteArray();
        assertEquals(17, resp.length, "one deliver_sm_resp written");
        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, ByteBuffer.wrap(resp).getInt(8), "the refusal, not ROK");
        assertEquals(0, deferring.inFlight());
    }

    @Test
    void drain_deferredAnswerOwed_waitsUntilItIsWritten() throws Exception {
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        DeliverSmListener deferring = new DeliverSmListener(MoGateway.smsc(2775).build(),
                new MoSinks(dispatch.intake(), (smsc, r) -> recorded), meters, Clock.fixed(NOW, ZoneOffset.UTC), true);
        DeliverSm receipt = deliverSm("849", 0x04, 0, "id:9 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII));
        receipt.setSequenceNumber(80);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        deferring.onAcceptDeliverSm(receipt);
        new DeferredDeliverSmResp(Runnable::run).sendDeliverSmResp(out, SMPPConstant.STAT_ESME_ROK, 80, null);

        assertEquals(0, out.size(), "nothing written before the receipt is recorded");
        assertEquals(1, deferring.inFlight());
        assertFalse(deferring.drain(Duration.ofMillis(50)), "the answer is still owed");

        recorded.complete(null);

        assertTrue(deferring.drain(Duration.ofSeconds(10)));
        assertEquals(SMPPConstant.STAT_ESME_ROK, ByteBuffer.wrap(out.toByteArray()).getInt(8));
        assertEquals(0, deferring.inFlight());
    }

    @Test
    void onAcceptDeliverSm_receiptNeverRecorded_temporaryErrorAfterTheCommitTimeout() throws Exception {
        CompletableFuture<Void> never = new CompletableFuture<>();
        DeliverSmListener deferring = new DeliverSmListener(
                MoGateway.smsc(2775).commitTimeout(Duration.ofMillis(200)).build(),
                new MoSinks(dispatch.intake(), (smsc, r) -> never), meters, Clock.fixed(NOW, ZoneOffset.UTC), true);
        DeliverSm receipt = deliverSm("849", 0x04, 0, "id:9 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII));
        receipt.setSequenceNumber(81);
        long start = System.nanoTime();

        assertEquals(SMPPConstant.STAT_ESME_RX_T_APPN, answeredDeferred(deferring, receipt));

        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200), "not before the timeout");
        assertEquals(0, deferring.inFlight(), "nothing owed any more");
        assertTrue(deferring.drain(Duration.ZERO));
        assertEquals(1.0, meters.get("smsgw.mo.answered").tags("status", "ESME_RX_T_APPN").counter().count());
    }

    @Test
    void onAcceptDeliverSm_blockingAndReceiptNeverRecorded_temporaryErrorAfterTheCommitTimeout() {
        DeliverSmListener blocking = new DeliverSmListener(
                MoGateway.smsc(2775).commitTimeout(Duration.ofMillis(200)).build(),
                new MoSinks(dispatch.intake(), (smsc, r) -> new CompletableFuture<Void>()), meters, Clock.systemUTC());

        ProcessRequestException e = assertThrows(ProcessRequestException.class, () -> blocking.onAcceptDeliverSm(
                deliverSm("849", 0x04, 0, "id:9 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII))));

        assertEquals(SMPPConstant.STAT_ESME_RX_T_APPN, status(e));
        assertEquals(0, blocking.inFlight());
    }

    @Test
    void onAcceptDeliverSm_badSyntax_storedAndCountedByRejection() throws Exception {
        listener.onAcceptDeliverSm(text("xin chao"));

        assertEquals("UNKNOWN_COMMAND", stored().get(0).error());
        assertEquals(1, dispatch.intake().rejectedCount(Rejection.UNKNOWN_COMMAND));
        assertEquals(1.0, meters.get("smsgw.mo.commit").timer().count());
    }

    @Test
    void onAcceptDeliverSm_afterDrain_temporaryErrorWithoutStoring() throws Exception {
        assertTrue(listener.drain(java.time.Duration.ofSeconds(1)));

        ProcessRequestException e = assertThrows(ProcessRequestException.class,
                () -> listener.onAcceptDeliverSm(text("LD 0987654321")));

        assertEquals(SMPPConstant.STAT_ESME_RX_T_APPN, status(e));
        assertEquals(RefusedDeliverSmLogFilter.CLOSING, e.getMessage());
        assertTrue(stored().isEmpty());
        assertEquals(1, listener.refusedWhileClosing());
    }

    @Test
    void onAcceptDataSm_any_notSupported() {
        ProcessRequestException e = assertThrows(ProcessRequestException.class,
                () -> listener.onAcceptDataSm(new DataSm(), null));

        assertEquals(SMPPConstant.STAT_ESME_RINVCMDID, status(e));
    }
}
