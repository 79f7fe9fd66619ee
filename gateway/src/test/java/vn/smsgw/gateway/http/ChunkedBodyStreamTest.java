package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChunkedBodyStreamTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();

    private int readChunkSize() {
        HttpContent chunk = channel.readOutbound();
        try {
            return chunk.content().readableBytes();
        } finally {
            chunk.release();
        }
    }

    @Test
    void write_lessThanAPage_sendsNothingUntilFlush() throws IOException {
        try (ChunkedBodyStream out = new ChunkedBodyStream(channel)) {
            out.write(new byte[100]);
            assertNull(channel.readOutbound());

            out.flush();

            assertEquals(100, readChunkSize());
        }
    }

    @Test
    void write_twoAndAHalfPages_sendsTwoFullChunksThenTheRestAtFinish() throws IOException {
        try (ChunkedBodyStream out = new ChunkedBodyStream(channel)) {
            out.write(new byte[ChunkedBodyStream.PAGE_SIZE * 5 / 2]);
            assertEquals(ChunkedBodyStream.PAGE_SIZE, readChunkSize());
            assertEquals(ChunkedBodyStream.PAGE_SIZE, readChunkSize());
            assertNull(channel.readOutbound());

            assertTrue(out.finish().isSuccess());

            assertEquals(ChunkedBodyStream.PAGE_SIZE / 2, readChunkSize());
            assertInstanceOf(LastHttpContent.class, channel.readOutbound());
        }
    }

    @Test
    void write_singleBytesFillingAPage_sendsOneChunk() throws IOException {
        try (ChunkedBodyStream out = new ChunkedBodyStream(channel)) {
            for (int i = 0; i < ChunkedBodyStream.PAGE_SIZE; i++) {
                out.write('x');
            }

            assertEquals(ChunkedBodyStream.PAGE_SIZE, readChunkSize());
        }
    }

    @Test
    void write_channelClosed_throwsIOException() {
        channel.close();

        try (ChunkedBodyStream out = new ChunkedBodyStream(channel)) {
            assertThrows(IOException.class, () -> out.write(new byte[10]));
        }
    }
}
