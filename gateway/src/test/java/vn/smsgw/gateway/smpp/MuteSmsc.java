package vn.smsgw.gateway.smpp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMSC that accepts every bind_transceiver (or only the first few) and answers enquire_link, but never answers an
 * unbind (nor a bind past those it accepts): how a stuck or half-dead SMSC looks to a gateway that is stopping. It
 * answers submit_sm, the first {@link #submitsToNack} of them with a generic_nack.
 * Records when each unbind arrived ({@link System#nanoTime()}) and counts the binds it received.
 */
final class MuteSmsc implements AutoCloseable {
    private static final int BIND_TRANSCEIVER = 0x00000009;
    private static final int ENQUIRE_LINK = 0x00000015;
    private static final int UNBIND = 0x00000006;
    private static final int DELIVER_SM = 0x00000005;
    private static final int SUBMIT_SM = 0x00000004;
    private static final int RESPONSE = 0x80000000;
    private static final int GENERIC_NACK = 0x80000000;

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<Long> unbindsAt = new CopyOnWriteArrayList<>();
    final AtomicInteger binds = new AtomicInteger();
    /** The command_status of each deliver_sm_resp received, by the sequence number it answers. */
    final Map<Integer, Integer> deliverSmAnswers = new ConcurrentHashMap<>();
    /** How many submit_sm to answer with a generic_nack of {@link #nackStatus} before answering them ESME_ROK. */
    final AtomicInteger submitsToNack = new AtomicInteger();
    volatile int nackStatus = 0x58;
    /** The submit_sm answered ESME_ROK (each with message id "m" + its sequence number) and those nacked. */
    final AtomicInteger submitsAccepted = new AtomicInteger();
    final AtomicInteger submitsNacked = new AtomicInteger();
    private volatile DataOutputStream lastSession;
    private final int bindsAnswered;

    MuteSmsc() throws IOException {
        this(Integer.MAX_VALUE);
    }

    /** Answers the first {@code bindsAnswered} binds only; the others wait for an answer that never comes. */
    MuteSmsc(int bindsAnswered) throws IOException {
        this.bindsAnswered = bindsAnswered;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "mute-smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "mute-smsc-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (DataInputStream in = new DataInputStream(s.getInputStream());
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            lastSession = out;
            while (true) {
                int length = in.readInt();
                int command = in.readInt();
                int status = in.readInt();
                int sequence = in.readInt();
                in.readFully(new byte[length - 16]);
                if (command == (DELIVER_SM | RESPONSE)) {
                    deliverSmAnswers.put(sequence, status);
                }
                if (command == BIND_TRANSCEIVER) {
                    if (binds.incrementAndGet() <= bindsAnswered) {
                        respond(out, command, sequence, "mute\0".getBytes(StandardCharsets.US_ASCII));
                    }
                } else if (command == SUBMIT_SM) {
                    if (submitsToNack.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        submitsNacked.incrementAndGet();
                        respondRaw(out, GENERIC_NACK, nackStatus, sequence, new byte[0]);
                    } else {
                        submitsAccepted.incrementAndGet();
                        respond(out, command, sequence, ("m" + sequence + "\0").getBytes(StandardCharsets.US_ASCII));
                    }
                } else if (command == ENQUIRE_LINK) {
                    respond(out, command, sequence, new byte[0]);
                } else if (command == UNBIND) {
                    unbindsAt.add(System.nanoTime()); // and no unbind_resp
                }
            }
        } catch (IOException e) {
            // the gateway closed the connection
        }
    }

    private static void respond(DataOutputStream out, int command, int sequence, byte[] body) throws IOException {
        respondRaw(out, command | RESPONSE, 0, sequence, body);
    }

    private static void respondRaw(DataOutputStream out, int commandId, int status, int sequence, byte[] body)
            throws IOException {
        synchronized (out) {
            out.writeInt(16 + body.length);
            out.writeInt(commandId);
            out.writeInt(status);
            out.writeInt(sequence);
            out.write(body);
            out.flush();
        }
    }

    /** Writes {@code pdu} as it is on the session accepted last. */
    void send(byte[] pdu) throws IOException {
        DataOutputStream out = lastSession;
        synchronized (out) {
            out.write(pdu);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
