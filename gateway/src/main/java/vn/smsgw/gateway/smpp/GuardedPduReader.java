package vn.smsgw.gateway.smpp;

import java.io.DataInputStream;
import java.io.IOException;
import org.jsmpp.DefaultPDUReader;

/**
 * jsmpp's reader with {@link TlvLengthGuard} applied to every PDU it reads, refusing a command_length no PDU has. jsmpp
 * allocates the whole PDU before reading it: a length of 2 GiB (a peer out of step, or a broken proxy) would throw an
 * {@link OutOfMemoryError}, which ends jsmpp's reader thread without closing the session, so the bind would look up
 * and read nothing more. An {@link IOException} instead closes the session, and the bind reconnects.
 */
final class GuardedPduReader extends DefaultPDUReader {

    /**
     * The longest PDU read: a message_payload of 65,535 octets (its length field's limit) with the mandatory fields
     * and other parameters fits many times over.
     */
    static final int MAX_COMMAND_LENGTH = 256 * 1024;

    @Override
    public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus,
            int sequenceNumber) throws IOException {
        if (commandLength < 16 || commandLength > MAX_COMMAND_LENGTH) {
            throw new IOException("command_length " + Integer.toUnsignedString(commandLength) + " of command_id 0x"
                    + Integer.toHexString(commandId) + " is out of range (16 to " + MAX_COMMAND_LENGTH
                    + "): the stream is out of step");
        }
        return TlvLengthGuard.guard(super.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber));
    }
}
