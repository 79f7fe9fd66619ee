package vn.smsgw.gateway.smpp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMSC on plain sockets that answers every bind with one status and closes the connection right after the
 * bind_resp, in the same write: with an error, as cloudhopper-smpp and other SMSCs do when they refuse a bind; with
 * ESME_ROK, an SMSC that drops every session right after binding it.
 */
final class RefuseAndCloseSmsc implements AutoCloseable {
    private static final int HEADER = 16;
    private static final int RESPONSE = 0x80000000;

    private final ServerSocket server;
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "refuse-and-close-smsc");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger refused = new AtomicInteger();

    RefuseAndCloseSmsc(int status) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor.execute(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    refuse(socket, status);
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    /** Binds answered so far. */
    int answered() {
        return refused.get();
    }

    private void refuse(Socket socket, int status) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        int commandId = in.readInt();
        in.readInt(); // command_status
        int sequence = in.readInt();
        in.readFully(new byte[length - HEADER]);
        byte[] systemId = {'r', 'e', 'f', 0};
        ByteBuffer response = ByteBuffer.allocate(HEADER + systemId.length).putInt(HEADER + systemId.length)
                .putInt(commandId | RESPONSE).putInt(status).putInt(sequence).put(systemId);
        OutputStream out = socket.getOutputStream();
        out.write(response.array());
        out.flush();
        refused.incrementAndGet();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.shutdownNow();
    }
}
