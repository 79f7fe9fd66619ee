package vn.smsgw.gateway.smpp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import vn.smsgw.dispatch.intake.ConcatKey;
import vn.smsgw.dispatch.intake.PartContent;
import vn.smsgw.parser.text.TextCoding;

/**
 * Decodes a deliver_sm into a {@link DecodedMo}: routes delivery receipts away from the parser, strips and reads the
 * UDH or SAR concatenation marks, and turns the user data into text by its data_coding. Never throws on content.
 * Immutable and thread-safe.
 */
public final class MoDecoder {

    /*
     * The user data is short_message, or the message_payload TLV when short_message is empty. With UDHI (esm_class
     * 0x40) it starts with a user data header in either field.
     *
     * GSM 7-bit over SMPP is unpacked: one septet per octet, so the text after the UDH starts at the next octet.
     * The fill bits that align packed septets after a UDH on the air interface do not exist in unpacked data and
     * are not handled; an SMSC that forwards packed septets with DCS 0 is misconfigured for this gateway.
     *
     * Text is never treated as a C string: GSM '@' is 0x00. UCS-2 is decoded as UTF-16BE, so surrogate pairs (emoji)
     * survive; a lone surrogate and a trailing odd octet decode as U+FFFD (TextCoding). Binary and unsupported codings
     * are kept as hex for storage and answered with help by the caller.
     *
     * A part of a concatenated text is not decoded here: it keeps its octets after the UDH and their text coding,
     * and intake decodes the message once the parts' octets are joined, since a character may span two parts (an
     * emoji's surrogate pair, a UCS-2 unit split on an odd octet, a GSM-7 escape and its code).
     *
     * Concatenation: a UDH concatenation element wins over SAR TLVs. A "concatenated" message of 1 part is a whole
     * message. SAR needs all three TLVs; with only some of them present they are ignored, as SMPP 3.4 §5.3.2.22 says.
     */

    private static final HexFormat HEX = HexFormat.of();

    private final DefaultAlphabet smscDefault;

    /** A decoder for an SMSC whose data_coding 0x00 means {@code smscDefault}. */
    public MoDecoder(DefaultAlphabet smscDefault) {
        this.smscDefault = Objects.requireNonNull(smscDefault, "smscDefault");
    }

    /** What the deliver_sm is; never null, never throws. */
    public DecodedMo decode(MoPdu pdu) {
        Optional<DecodedMo.Malformed> badLength = TlvLengthGuard.check(pdu.tlvs());
        if (badLength.isPresent()) {
            return badLength.get();
        }
        EsmMessageType type = EsmMessageType.fromEsmClass(pdu.esmClass());
        if (type.isReceipt()) {
            return DeliveryReceipts.parse(pdu)
                    .<DecodedMo>map(DecodedMo.Receipt::new)
                    .orElseGet(() -> new DecodedMo.Malformed("delivery receipt without a message id",
                            CommandStatus.ESME_RX_P_APPN));
        }
        if (type != EsmMessageType.DEFAULT) {
            // an SME acknowledgement, a conversation abort or a reserved type: nothing smsgw stores, so never ESME_ROK
            // (the SMSC would count it delivered); a permanent error, as a redelivery would be refused the same way
            return new DecodedMo.Malformed("esm_class message type " + type + " is not taken",
                    CommandStatus.ESME_RINVESMCLASS);
        }
        byte[] userData = userData(pdu);
        Framing framing;
        if (EsmMessageType.hasUdhi(pdu.esmClass())) {
            UserDataHeader.Parsed header = UserDataHeader.parse(userData);
            if (header instanceof UserDataHeader.Bad bad) {
                return new DecodedMo.Malformed(bad.reason(), CommandStatus.ESME_RINVMSGLEN);
            }
            framing = header instanceof UserDataHeader.Concat concat
                    ? new Framing(concat.octets(), Optional.of(concat.key()), concat.seq())
                    : new Framing(((UserDataHeader.Plain) header).octets(), Optional.empty(), 1);
        } else {
            framing = new Framing(0, Optional.empty(), 1);
        }
        if (framing.key().isEmpty()) {
            Optional<DecodedMo.Malformed> badSar = Sar.check(pdu.tlvs());
            if (badSar.isPresent()) {
                return badSar.get();
            }
            Optional<Sar> sar = Sar.read(pdu.tlvs());
            if (sar.isPresent()) {
                framing = new Framing(framing.start(), Optional.of(sar.get().key()), sar.get().seq());
            }
        }
        return content(pdu.dataCoding(), userData, framing);
    }

    private DecodedMo content(byte dataCodingOctet, byte[] userData, Framing framing) {
        DataCoding coding = DataCoding.fromByte(dataCodingOctet);
        int total = framing.key().map(ConcatKey::total).orElse(1);
        if (!coding.isText()) {
            return new DecodedMo.Binary(dataCodingOctet, HEX.formatHex(userData), framing.seq(), total);
        }
        TextCoding text = textCoding(coding);
        if (total == 1) {
            return new DecodedMo.Whole(text.decode(userData, framing.start(), userData.length - framing.start()));
        }
        byte[] octets = Arrays.copyOfRange(userData, framing.start(), userData.length);
        return new DecodedMo.Part(framing.key().orElseThrow(), framing.seq(), new PartContent.Text(text, octets));
    }

    /** The text coding of a text data_coding on this SMSC link. */
    private TextCoding textCoding(DataCoding coding) {
        return switch (coding) {
            case SMSC_DEFAULT -> smscDefault.coding();
            case GSM7 -> TextCoding.GSM7;
            case IA5_ASCII -> TextCoding.ASCII;
            case LATIN1 -> TextCoding.LATIN1;
            case UCS2 -> TextCoding.UCS2;
            case OCTET_UNSPECIFIED, OCTET, UNSUPPORTED -> throw new IllegalArgumentException("not a text coding: "
                    + coding);
        };
    }

    /** short_message, or message_payload when short_message is empty. */
    static byte[] userData(MoPdu pdu) {
        byte[] shortMessage = pdu.shortMessageView();
        if (shortMessage.length > 0) {
            return shortMessage;
        }
        return pdu.tlvs().get(TlvTag.MESSAGE_PAYLOAD).orElse(shortMessage);
    }

    /** Where the text starts in the user data, and the concatenation mark if any. */
    private record Framing(int start, Optional<ConcatKey> key, int seq) {
    }
}
