package vn.smsgw.gateway.smpp;

import java.util.Optional;
import vn.smsgw.dispatch.intake.ConcatKey;

/** The concatenation mark of a binary deliver_sm, which {@link DecodedMo.Binary} does not carry. */
final class BinaryConcat {

    private BinaryConcat() {
    }

    /** The UDH concatenation key, else the SAR key; empty for a message that is not concatenated. */
    static Optional<ConcatKey> key(MoPdu pdu) {
        if (EsmMessageType.hasUdhi(pdu.esmClass())
                && UserDataHeader.parse(MoDecoder.userData(pdu)) instanceof UserDataHeader.Concat concat) {
            return Optional.of(concat.key());
        }
        return Sar.read(pdu.tlvs()).map(Sar::key);
    }
}
