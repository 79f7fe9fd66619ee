package vn.smsgw.gateway.smpp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/*
 * Connect timeout and TCP_NODELAY: jsmpp's default factory sets neither (every PDU is written and flushed on its own,
 * so Nagle's algorithm only adds latency).
 *
 * The end of the stream during the bind: many SMSCs close the connection right after a bind_resp that refuses the
 * bind (cloudhopper-smpp does it at once). jsmpp's reader thread hands the bind_resp to its PDU pool and reads on;
 * when it reaches the end of the stream before a pool thread has handled the bind_resp, it closes the session, and
 * the pool then handles the bind_resp in the CLOSED state, which drops it. connectAndBind waits out the whole bind
 * timeout and reports a timeout instead of the refusal, so a wrong password looks like a network failure and is
 * retried at the short backoff. The input of these connections therefore holds back the end of the stream, or a read
 * error other than a read timeout, until bindDone() says connectAndBind has returned (at most the bind timeout plus
 * a second): the bind_resp is handled while the session is still open, and the failure reads as the refusal it is.
 * Once the bind is done, nothing is held.
 */
/**
 * Opens the connection of one SMPP session, with a connect timeout and TCP_NODELAY, keeps the end of its stream
 * from overtaking the bind_resp, and gives it an output that can be corked ({@link CorkableOutput}). One factory per
 * session; call {@link #bindDone()} once connectAndBind has returned or thrown. Thread-safe.
 */
final class TunedConnectionFactory implements ConnectionFactory {

    private static final long HOLD_MARGIN_MILLIS = 1_000;

    private final int connectTimeoutMillis;
    private final long holdMillis;
    private final CountDownLatch bindDone = new CountDownLatch(1);
    private volatile CorkableOutput output;

    TunedConnectionFactory(Duration connectTimeout, Duration bindTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.holdMillis = bindTimeout.toMillis() + HOLD_MARGIN_MILLIS;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return new BindSafeConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The output of the connection opened last, which a writer of many PDUs in a row may cork; null before. */
    CorkableOutput output() {
        return output;
    }

    /** The bind has its answer (or has failed): the end of the stream reaches the session from now on. */
    void bindDone() {
        bindDone.countDown();
    }

    /** Waits, while the bind is not done, for it to be; at most the bind timeout plus a second. */
    private void holdUntilBindDone() {
        try {
            bindDone.await(holdMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A socket connection whose input holds back its end while the bind is not done, and whose output corks. */
    private final class BindSafeConnection extends SocketConnection {
        private final InputStream in;
        private final CorkableOutput out;

        BindSafeConnection(Socket socket) throws IOException {
            super(socket);
            this.in = new BindSafeInput(super.getInputStream());
            this.out = new CorkableOutput(super.getOutputStream());
            output = out;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }
    }

    private final class BindSafeInput extends FilterInputStream {
        BindSafeInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b < 0) {
                    holdUntilBindDone();
                }
                return b;
            } catch (SocketTimeoutException e) {
                throw e; // idle, not the end: jsmpp sends enquire_link
            } catch (IOException e) {
                holdUntilBindDone();
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n < 0) {
                    holdUntilBindDone();
                }
                return n;
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                holdUntilBindDone();
                throw e;
            }
        }
    }
}
