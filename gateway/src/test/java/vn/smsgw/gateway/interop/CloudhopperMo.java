package vn.smsgw.gateway.interop;

import com.cloudhopper.commons.charset.Charset;
import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppInvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/**
 * One MO from a reporter to a short code, as cloudhopper-smpp writes it: GSM 7-bit unpacked (data_coding 0) or UCS-2
 * (0x08) as cloudhopper's charsets encode them; {@code parts} > 1 splits the text into that many deliver_sm of about
 * equal length, each with the UDH {@code 05 00 03 ref total seq} and esm_class 0x40.
 */
record CloudhopperMo(String src, String dst, String text, Coding coding, int parts) {

    private static final int UDH_OCTETS = 6;
    private static final int MAX_USER_DATA = 140;

    /** The alphabets of MO text, with their data_coding. */
    enum Coding {
        GSM(SmppConstants.DATA_CODING_DEFAULT, CharsetUtil.CHARSET_GSM),
        UCS2(SmppConstants.DATA_CODING_UCS2, CharsetUtil.CHARSET_UCS_2);

        private final byte dataCoding;
        private final Charset charset;

        Coding(byte dataCoding, Charset charset) {
            this.dataCoding = dataCoding;
            this.charset = charset;
        }
    }

    /** The deliver_sm of every part, in order; {@code reference} (0..255) ties the parts together. */
    List<DeliverSm> deliverSms(int reference) throws SmppInvalidArgumentException {
        List<DeliverSm> pdus = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            DeliverSm deliver = new DeliverSm();
            deliver.setSourceAddress(new Address(SmppConstants.TON_INTERNATIONAL, SmppConstants.NPI_E164, src));
            deliver.setDestAddress(new Address(SmppConstants.TON_UNKNOWN, SmppConstants.NPI_E164, dst));
            deliver.setDataCoding(coding.dataCoding);
            byte[] piece = CharsetUtil.encode(text.substring(text.length() * i / parts,
                    text.length() * (i + 1) / parts), coding.charset);
            int room = MAX_USER_DATA - (parts > 1 ? UDH_OCTETS : 0);
            if (piece.length > room) {
                throw new IllegalArgumentException("part " + (i + 1) + " of " + this + " needs " + piece.length
                        + " octets; " + room + " fit");
            }
            if (parts > 1) {
                deliver.setEsmClass(SmppConstants.ESM_CLASS_UDHI_MASK);
                byte[] userData = new byte[UDH_OCTETS + piece.length];
                userData[0] = 0x05; // UDHL
                userData[1] = 0x00; // IEI: concatenated short message, 8-bit reference
                userData[2] = 0x03; // IEDL
                userData[3] = (byte) reference;
                userData[4] = (byte) parts;
                userData[5] = (byte) (i + 1);
                System.arraycopy(piece, 0, userData, UDH_OCTETS, piece.length);
                piece = userData;
            }
            deliver.setShortMessage(piece);
            pdus.add(deliver);
        }
        return pdus;
    }
}
