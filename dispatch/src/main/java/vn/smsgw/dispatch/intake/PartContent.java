package vn.smsgw.dispatch.intake;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import vn.smsgw.parser.text.TextCoding;

/**
 * What one part of a concatenated MO message carries: text octets in their coding, binary data, or text decoded on
 * its own (parts stored before schema version 21 kept no octets). Values are immutable and thread-safe.
 */
public sealed interface PartContent permits PartContent.Text, PartContent.Binary, PartContent.Decoded {

    /**
     * The part on its own as text, NUL characters replaced as in {@link InboundSms}: kept as evidence with the part,
     * and what tells a redelivered part from another one. Binary data is its hex.
     */
    String text();

    /**
     * The user data octets after the UDH, in {@code coding}. They are decoded once joined with the octets of the
     * message's neighbouring parts: a character may span two parts. The array is copied in and out.
     */
    record Text(TextCoding coding, byte[] octets) implements PartContent {
        /** Copies the octets and checks for nulls. */
        public Text {
            Objects.requireNonNull(coding, "coding");
            octets = Objects.requireNonNull(octets, "octets").clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        /** The octets without a copy, for joining inside this package. */
        byte[] octetsView() {
            return octets;
        }

        @Override
        public String text() {
            return InboundSms.storable(coding.decode(octets));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text that && coding == that.coding && Arrays.equals(octets, that.octets);
        }

        @Override
        public int hashCode() {
            return 31 * coding.hashCode() + Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "Text[" + coding + ", " + HexFormat.of().formatHex(octets) + "]";
        }
    }

    /** Binary (or unsupported) data_coding: the whole user data, UDH included, as lowercase hex; never decoded. */
    record Binary(String hex) implements PartContent {
        /** Checks for null. */
        public Binary {
            Objects.requireNonNull(hex, "hex");
        }

        @Override
        public String text() {
            return hex;
        }
    }

    /** Text decoded on its own, as parts were stored before they kept their octets (schema version 20 and before). */
    record Decoded(String text) implements PartContent {
        /** Replaces NUL characters as {@link InboundSms} does. */
        public Decoded {
            text = InboundSms.storable(Objects.requireNonNull(text, "text"));
        }
    }
}
