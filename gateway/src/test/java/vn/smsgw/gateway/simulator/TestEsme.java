package vn.smsgw.gateway.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import vn.smsgw.parser.text.GsmAlphabet;

/** A plain jsmpp ESME for the tests: records every deliver_sm and answers with the status a policy picks. */
final class TestEsme implements AutoCloseable {

    /** One deliver_sm as the ESME saw it, text decoded and UDH or SAR split off. */
    record Received(String source, String destination, byte dataCoding, byte esmClass, String text, int ref,
            int total, int seq, DeliverSm pdu) {
    }

    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final SMPPSession session = new SMPPSession();
    private final ToIntFunction<DeliverSm> policy;

    private TestEsme(ToIntFunction<DeliverSm> policy) {
        this.policy = policy;
    }

    /** Binds as a transceiver, answering every deliver_sm with the status {@code policy} returns (0 = ESME_ROK). */
    static TestEsme bind(int port, String systemId, String password, ToIntFunction<DeliverSm> policy)
            throws IOException {
        TestEsme esme = new TestEsme(policy);
        esme.session.setTransactionTimer(2_000);
        esme.session.setPduProcessorDegree(4);
        esme.session.setQueueCapacity(1_000);
        esme.session.setMessageReceiverListener(esme.new Listener());
        esme.session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, systemId, password,
                "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null, InterfaceVersion.IF_34), 5_000);
        return esme;
    }

    static TestEsme bind(int port) throws IOException {
        return bind(port, "esme", "secret", pdu -> 0);
    }

    SMPPSession session() {
        return session;
    }

    boolean isBound() {
        return session.getSessionState().isBound();
    }

    /** The complete messages received: single parts plus parts joined by (source, ref), keyed source + text. */
    Set<String> messages() {
        return messages(received);
    }

    /** {@link #messages()} over deliver_sm received by several sessions (parts may be spread over them). */
    static Set<String> messages(Iterable<Received> received) {
        Set<String> messages = ConcurrentHashMap.newKeySet();
        Map<String, String[]> partial = new ConcurrentHashMap<>();
        for (Received r : received) {
            if (r.total() <= 1) {
                messages.add(r.source() + "|" + r.text());
                continue;
            }
            String[] parts = partial.computeIfAbsent(r.source() + "/" + r.ref(), k -> new String[r.total()]);
            parts[r.seq() - 1] = r.text();
            if (Arrays.stream(parts).allMatch(p -> p != null)) {
                messages.add(r.source() + "|" + String.join("", parts));
            }
        }
        return messages;
    }

    List<Received> receipts() {
        List<Received> receipts = new ArrayList<>();
        for (Received r : received) {
            if (r.pdu().isSmscDeliveryReceipt()) {
                receipts.add(r);
            }
        }
        return receipts;
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }

    /** Polls {@code condition} until it holds or the deadline passes; returns whether it held. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }

    static Received decode(DeliverSm pdu) {
        byte[] bytes = pdu.getShortMessage() == null ? new byte[0] : pdu.getShortMessage();
        int ref = 0;
        int total = 1;
        int seq = 1;
        if ((pdu.getEsmClass() & 0x40) != 0) {
            int udhLength = (bytes[0] & 0xFF) + 1;
            if (bytes[1] == 0x00 && bytes[2] == 0x03) {
                ref = bytes[3] & 0xFF;
                total = bytes[4] & 0xFF;
                seq = bytes[5] & 0xFF;
            }
            bytes = Arrays.copyOfRange(bytes, udhLength, bytes.length);
        } else {
            OptionalParameter total0 = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
            if (total0 != null) {
                ref = ((OptionalParameter.Short) pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM))
                        .getValue() & 0xFFFF;
                total = ((OptionalParameter.Byte) total0).getValue() & 0xFF;
                seq = ((OptionalParameter.Byte) pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM))
                        .getValue() & 0xFF;
            }
        }
        String text = pdu.getDataCoding() == 0x08
                ? new String(bytes, StandardCharsets.UTF_16BE)
                : GsmAlphabet.decode(bytes);
        return new Received(pdu.getSourceAddr(), pdu.getDestAddress(), pdu.getDataCoding(), pdu.getEsmClass(), text,
                ref, total, seq, pdu);
    }

    private final class Listener implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            received.add(decode(deliverSm));
            int status = policy.applyAsInt(deliverSm);
            if (status != 0) {
                throw new ProcessRequestException("test policy", status);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
