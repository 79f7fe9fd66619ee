package vn.smsgw.gateway.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.SubmitSmResp;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MtSubmit's submit_sm, sent by a pipelined session over a real socket to a jsmpp server that records it. */
class MtSubmitTest {

    private final List<SubmitSm> received = new CopyOnWriteArrayList<>();
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
    private SMPPServerSessionListener server;
    private int port;
    private Future<SMPPServerSession> serverSession;
    private PipelinedSmppSession client;

    @BeforeEach
    void bind() throws Exception {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        port = socket.getLocalPort();
        server = new SMPPServerSessionListener(0, fixed(socket));
        server.setMessageReceiverListener(recordingListener());
        serverSession = acceptor.submit(() -> {
            SMPPServerSession session = server.accept();
            BindRequest request = session.waitForBind(5_000);
            request.accept("test-smsc");
            return session;
        });
        client = new PipelinedSmppSession();
        client.setTransactionTimer(5_000);
        client.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "smsgw", "pw", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
    }

    @AfterEach
    void close() throws Exception {
        client.unbindAndClose();
        serverSession.get(5, TimeUnit.SECONDS).close();
        server.close();
        acceptor.shutdownNow();
    }

    @Test
    void submit_concatenatedUcs2Part_sendsEveryField() throws Exception {
        MtMessage message = new MtMessage("Cảnh báo lừa đảo ".repeat(6),
                SmppAddress.source("5656", ShortCodeAddressing.UNKNOWN),
                SmppAddress.international("84912345678"), MtMode.AUTO);
        MtPart part = assertInstanceOf(MtEncoded.Parts.class, MtEncoder.encode(message, 17)).parts().get(1);

        Command resp = client.submit(part, "").response().get(5, TimeUnit.SECONDS);

        assertEquals("3039", assertInstanceOf(SubmitSmResp.class, resp).getMessageId());
        SubmitSm submitSm = received.get(0);
        assertEquals(0x00, submitSm.getSourceAddrTon());
        assertEquals(0x00, submitSm.getSourceAddrNpi());
        assertEquals("5656", submitSm.getSourceAddr());
        assertEquals(0x01, submitSm.getDestAddrTon());
        assertEquals(0x01, submitSm.getDestAddrNpi());
        assertEquals("84912345678", submitSm.getDestAddress());
        assertEquals(0x40, submitSm.getEsmClass());
        assertEquals(0x08, submitSm.getDataCoding());
        assertEquals(0x01, submitSm.getRegisteredDelivery());
        assertArrayEquals(part.shortMessage(), submitSm.getShortMessage());
        assertNull(submitSm.getValidityPeriod(), "no validity_period: the SMSC's default");
    }

    @Test
    void submit_partWithAValidity_sendsItAsValidityPeriod() throws Exception {
        long at = Instant.parse("2026-12-08T01:02:03.456Z").toEpochMilli();
        MtMessage message = new MtMessage("Canh bao", SmppAddress.source("BoCongAn", ShortCodeAddressing.UNKNOWN),
                SmppAddress.international("84912345678"), MtMode.AUTO, at);
        MtPart part = assertInstanceOf(MtEncoded.Parts.class, MtEncoder.encode(message, 0)).parts().get(0);

        client.submit(part, "").response().get(5, TimeUnit.SECONDS);

        assertEquals("261208010203400+", received.get(0).getValidityPeriod());
    }

    @Test
    void submit_alphanumericGsmPart_sendsTon5AndDataCoding0() throws Exception {
        MtMessage message = new MtMessage("Canh bao @ €", SmppAddress.source("BoCongAn", ShortCodeAddressing.UNKNOWN),
                SmppAddress.international("84912345678"), MtMode.AUTO);
        MtPart part = assertInstanceOf(MtEncoded.Parts.class, MtEncoder.encode(message, 0)).parts().get(0);

        client.submit(part, "").response().get(5, TimeUnit.SECONDS);

        SubmitSm submitSm = received.get(0);
        assertEquals(0x05, submitSm.getSourceAddrTon());
        assertEquals("BoCongAn", submitSm.getSourceAddr());
        assertEquals(0x00, submitSm.getEsmClass());
        assertEquals(0x00, submitSm.getDataCoding());
        assertTrue(submitSm.getShortMessage().length > 0);
        assertArrayEquals(part.shortMessage(), submitSm.getShortMessage());
    }

    private ServerMessageReceiverListener recordingListener() {
        return (ServerMessageReceiverListener) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServerMessageReceiverListener.class}, (proxy, method, args) -> {
                    if (method.getName().equals("onAcceptSubmitSm")) {
                        received.add((SubmitSm) args[0]);
                        return new SubmitSmResult(new MessageId("3039"), new OptionalParameter[0]);
                    }
                    if (method.isDefault()) {
                        return null;
                    }
                    throw new ProcessRequestException("not supported in this test", 0x03);
                });
    }

    /** A factory that hands out an already bound server socket, so the test can listen on an ephemeral port. */
    private static ServerConnectionFactory fixed(ServerSocket socket) {
        return new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int ignored) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int ignored, int timeout) throws IOException {
                socket.setSoTimeout(timeout);
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int ignored, int timeout, int backlog) throws IOException {
                return listen(ignored, timeout);
            }
        };
    }
}
