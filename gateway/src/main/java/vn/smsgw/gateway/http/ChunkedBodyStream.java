package vn.smsgw.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An output stream that sends what is written to it as HTTP chunks of one page each. Used from a worker thread,
 * never the event loop: when the channel is not writable (the client reads slower than the body is produced) it waits
 * for the last page to reach the socket, so at most the channel's high water mark plus one page is buffered. Not
 * thread-safe.
 */
final class ChunkedBodyStream extends OutputStream {
    static final int PAGE_SIZE = 16 * 1024;
    /**
     * How long a page may wait for a client that reads nothing before the body is given up (and, by the caller, the
     * connection closed): the body's producer holds a store connection and a read transaction while it waits.
     */
    static final long STALL_MILLIS = 30_000;

    private final Channel channel;
    private final long stallMillis;
    private HttpResponse head;
    private ByteBuf page;

    /** A body whose status and headers were already sent. */
    ChunkedBodyStream(Channel channel) {
        this.channel = channel;
        this.stallMillis = STALL_MILLIS;
    }

    /**
     * A body that sends {@code head} just before its first chunk, when the first page is full or at {@link #finish}:
     * until then ({@link #headSent}) a failure can still be answered with an error status instead of a truncated 200.
     */
    ChunkedBodyStream(Channel channel, HttpResponse head) {
        this(channel, head, STALL_MILLIS);
    }

    /** As {@link #ChunkedBodyStream(Channel, HttpResponse)}, giving up after {@code stallMillis} without progress. */
    ChunkedBodyStream(Channel channel, HttpResponse head, long stallMillis) {
        this.channel = channel;
        this.head = Objects.requireNonNull(head, "head");
        this.stallMillis = stallMillis;
    }

    /** Whether the status and headers have gone out, so that only closing the connection can signal a failure. */
    boolean headSent() {
        return head == null;
    }

    @Override
    public void write(int b) throws IOException {
        ensurePage().writeByte(b);
        if (!page.isWritable()) {
            sendPage();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int written = 0;
        while (written < length) {
            ByteBuf p = ensurePage();
            int n = Math.min(p.writableBytes(), length - written);
            p.writeBytes(bytes, offset + written, n);
            written += n;
            if (!p.isWritable()) {
                sendPage();
            }
        }
    }

    /**
     * Sends the partly filled page, if any; while the head is still held back, keeps it (so that a generator that
     * flushes as it closes, after its producer failed, does not commit the response to its status).
     */
    @Override
    public void flush() throws IOException {
        if (headSent()) {
            sendPage();
        }
    }

    /** Sends the rest and the last chunk; the returned future completes when the response is fully written. */
    ChannelFuture finish() throws IOException {
        sendPage();
        sendHead();
        return channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /** Releases a page that was never sent; does not close the channel. */
    @Override
    public void close() {
        if (page != null) {
            page.release();
            page = null;
        }
    }

    private ByteBuf ensurePage() throws IOException {
        if (!channel.isActive()) {
            throw new IOException("the client closed the connection");
        }
        if (page == null) {
            page = channel.alloc().buffer(PAGE_SIZE, PAGE_SIZE);
        }
        return page;
    }

    private void sendHead() {
        if (head != null) {
            channel.write(head);
            head = null;
        }
    }

    private void sendPage() throws IOException {
        if (page == null || !page.isReadable()) {
            return;
        }
        sendHead();
        ByteBuf full = page;
        page = null;
        ChannelFuture written = channel.writeAndFlush(new DefaultHttpContent(full));
        if (!channel.isWritable()) {
            try {
                if (!written.await(stallMillis)) {
                    throw new IOException("the client read nothing for " + stallMillis + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the client was reading");
            }
        }
        if (written.isDone() && !written.isSuccess()) {
            throw new IOException("cannot send a chunk: " + written.cause(), written.cause());
        }
    }
}
