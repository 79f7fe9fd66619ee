package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void write_toAClientThatReadsNothing_givesUpAfterTheStall() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        CompletableFuture<Channel> accepted =
                new CompletableFuture<>();
        try (Socket client = new Socket()) {
            Channel server = new ServerBootstrap().group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.SO_SNDBUF, 4096)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpResponseEncoder());
                            accepted.complete(ch);
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            client.setReceiveBufferSize(4096);
            client.connect(server.localAddress()); // and never reads
            Channel ch = accepted.get(5, TimeUnit.SECONDS);

            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> {
                try (ChunkedBodyStream out = new ChunkedBodyStream(ch, new DefaultHttpResponse(
                        HttpVersion.HTTP_1_1, HttpResponseStatus.OK), 200)) {
                    for (int i = 0; i < 10_000; i++) { // 160 MB: far more than the socket buffers take
                        out.write(new byte[ChunkedBodyStream.PAGE_SIZE]);
                    }
                }
            });

            assertTrue(e.getMessage().contains("read nothing for 200 ms"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "gave up within the test's patience");
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
