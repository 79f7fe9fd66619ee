package vn.smsgw.gateway.smpp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/*
 * jsmpp writes every PDU to the socket's own stream and flushes it at once: one write(2) and one TCP segment per PDU.
 * A thread that writes many PDUs in a row (the deliver_sm_resp of a whole group commit) corks the stream first: while
 * it is corked by that thread, its flushes only keep the bytes, and uncorking writes them in one go. Anyone else's
 * flush still writes at once, together with whatever the corking thread has kept so far, so corking delays nobody
 * else's PDUs, and the order of the bytes is the order of the writes. Every method holds the stream's monitor, the
 * lock jsmpp's SynchronizedPDUSender takes around each PDU, so a PDU is never split by another.
 */
/** A socket's output stream that keeps what one thread writes until that thread uncorks it. Thread-safe. */
public final class CorkableOutput extends OutputStream {
    /** Bytes kept at most before they are written anyway. */
    static final int CAPACITY = 64 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[CAPACITY];
    private int count;
    private Thread corkedBy;

    /** An output over a socket's stream {@code out}. */
    public CorkableOutput(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Keeps this thread's writes until {@link #uncork}; call uncork in a finally block. One thread at a time corks the
     * stream: a cork by another thread takes it over, and the first thread's flushes write at once again.
     */
    public synchronized void cork() {
        corkedBy = Thread.currentThread();
    }

    /** Writes what is kept, whoever wrote it; the stream is no longer corked by this thread. */
    public synchronized void uncork() throws IOException {
        if (corkedBy == Thread.currentThread()) {
            corkedBy = null;
        }
        drain();
        out.flush();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len > buffer.length - count) {
            drain();
            if (len >= buffer.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    /** Writes what is kept, unless this thread has corked the stream. */
    @Override
    public synchronized void flush() throws IOException {
        if (corkedBy == Thread.currentThread()) {
            return;
        }
        drain();
        out.flush();
    }

    /** Writes what is kept, then closes the socket's stream. */
    @Override
    public synchronized void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }

    /** Bytes written and not yet passed on (for tests). */
    synchronized int kept() {
        return count;
    }

    private void drain() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0; // a failed write loses the bytes, as the socket's own stream would have
            out.write(buffer, 0, n);
        }
    }
}
