package vn.smsgw.gateway.smpp;

import java.util.List;
import java.util.Objects;
import vn.smsgw.parser.text.SmsEncoding;

/** The outcome of encoding an MT text: its submit_sm parts, or why it cannot be sent. */
public sealed interface MtEncoded {

    /** The parts in order (1 to 255), all in the same encoding. */
    record Parts(SmsEncoding encoding, List<MtPart> parts) implements MtEncoded {
        /** Copies the list and checks its size. */
        public Parts {
            Objects.requireNonNull(encoding, "encoding");
            parts = List.copyOf(parts);
            if (parts.isEmpty() || parts.size() > 255) {
                throw new IllegalArgumentException(parts.size() + " parts");
            }
        }
    }

    /** The text cannot be sent as asked: more than 255 parts, or GSM 7-bit forced on a non-GSM text. */
    record Refused(String reason) implements MtEncoded {
        /** Checks for null. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
