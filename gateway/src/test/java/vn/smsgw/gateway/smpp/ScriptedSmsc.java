package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * An SMSC that accepts one bind and answers every submit_sm as a script says, counting the submit_sm it is answering
 * at once; any other request is refused.
 */
final class ScriptedSmsc implements AutoCloseable {

    /** How a submit_sm is answered: its result, or the error status thrown; may take its time. */
    interface Script {
        SubmitSmResult answer(SubmitSm submitSm) throws ProcessRequestException;
    }

    final AtomicInteger submits = new AtomicInteger();
    final AtomicInteger answering = new AtomicInteger();
    final AtomicInteger mostAnsweringAtOnce = new AtomicInteger();
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
    private final SMPPServerSessionListener server;
    private final int port;

    /** Answers every submit_sm with one command_status: a permanent error. */
    static ScriptedSmsc rejecting(int status) throws IOException {
        return new ScriptedSmsc(status, 3, submitSm -> {
            throw new ProcessRequestException("refused", status);
        });
    }

    /** Answers every submit_sm as {@code script} says, with up to {@code threads} answered at once. */
    static ScriptedSmsc scripted(int threads, Script script) throws IOException {
        return new ScriptedSmsc(0x08, threads, script);
    }

    /** The answer accepting a submit_sm, with {@code id} in hex as its message id. */
    static SubmitSmResult accepted(int id) {
        try {
            return new SubmitSmResult(new MessageId(Integer.toHexString(id)), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts every submit_sm after holding it {@code millis}, with up to {@code threads} held at once. */
    static ScriptedSmsc holding(long millis, int threads) throws IOException {
        AtomicInteger ids = new AtomicInteger();
        return new ScriptedSmsc(0x08, threads, submitSm -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return accepted(ids.incrementAndGet());
        });
    }

    /** Other requests are refused with {@code status}; jsmpp runs {@code threads} PDU threads for the session. */
    private ScriptedSmsc(int status, int threads, Script script) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        port = socket.getLocalPort();
        server = new SMPPServerSessionListener(0, new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int ignored) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int ignored, int timeout) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int ignored, int timeout, int backlog) {
                return new ServerSocketConnection(socket);
            }
        });
        server.setMessageReceiverListener(new Refusing(status, script));
        server.setPduProcessorDegree(threads);
        acceptor.submit(() -> {
            SMPPServerSession session = server.accept();
            BindRequest request = session.waitForBind(5_000);
            request.accept("scripted-smsc");
            return session;
        });
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.shutdownNow();
    }

    private final class Refusing implements ServerMessageReceiverListener {
        private final int status;
        private final Script script;

        Refusing(int status, Script script) {
            this.status = status;
            this.script = script;
        }

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            submits.incrementAndGet();
            mostAnsweringAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
            try {
                return script.answer(submitSm);
            } finally {
                answering.decrementAndGet();
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("refused", status);
        }
    }
}
