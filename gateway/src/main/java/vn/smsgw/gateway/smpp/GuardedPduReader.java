package vn.smsgw.gateway.smpp;

import java.io.DataInputStream;
import java.io.IOException;
import org.jsmpp.DefaultPDUReader;

/** jsmpp's reader with {@link TlvLengthGuard} applied to every PDU it reads. */
final class GuardedPduReader extends DefaultPDUReader {

    @Override
    public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus,
            int sequenceNumber) throws IOException {
        return TlvLengthGuard.guard(super.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber));
    }
}
