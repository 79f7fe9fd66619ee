package vn.smsgw.gateway.smpp;

import java.util.Objects;
import vn.smsgw.parser.number.Msisdn;
import vn.smsgw.parser.text.GsmAlphabet;

/**
 * An SMPP address with its TON and NPI, valid by construction. {@link #toString()} masks numeric addresses.
 *
 * @param address the digits or the alphanumeric sender, at most 20 characters (21 with the C-string NUL)
 */
public record SmppAddress(Ton ton, Npi npi, String address) {

    /*
     * Source addresses: up to 8 digits is a short code (156, 5656, 1900xxxx), addressed as the SMSC expects
     * (ShortCodeAddressing); more digits starting with 0 is a national number (TON 2 / NPI 1); other digits are
     * international (TON 1 / NPI 1). Anything with a non-digit is an alphanumeric brandname: TON 5 / NPI 0, at most
     * 11 characters of the GSM default alphabet, as GSM TS 23.040 limits alphanumeric originators.
     */

    private static final int MAX_SHORT_CODE_DIGITS = 8;
    private static final int MAX_ALPHANUMERIC = 11;
    private static final int MAX_DIGITS = 20;

    /** Checks the address against its TON. */
    public SmppAddress {
        Objects.requireNonNull(ton, "ton");
        Objects.requireNonNull(npi, "npi");
        if (Objects.requireNonNull(address, "address").isEmpty() || address.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("address must be 1-20 characters, got " + address.length());
        }
        if (ton == Ton.ALPHANUMERIC) {
            if (address.length() > MAX_ALPHANUMERIC || !GsmAlphabet.canEncode(address)) {
                throw new IllegalArgumentException(
                        "alphanumeric address must be 1-11 GSM 03.38 characters: " + address);
            }
        } else if (!allDigits(address)) {
            throw new IllegalArgumentException("numeric address with a non-digit, TON " + ton);
        }
    }

    /** The source address for a short code, a number or a brandname; see the rules above. */
    public static SmppAddress source(String sender, ShortCodeAddressing shortCodes) {
        if (!allDigits(sender)) {
            return new SmppAddress(Ton.ALPHANUMERIC, Npi.UNKNOWN, sender);
        }
        if (sender.length() <= MAX_SHORT_CODE_DIGITS) {
            return new SmppAddress(shortCodes.ton(), shortCodes.npi(), sender);
        }
        return sender.startsWith("0")
                ? new SmppAddress(Ton.NATIONAL, Npi.ISDN, sender)
                : new SmppAddress(Ton.INTERNATIONAL, Npi.ISDN, sender);
    }

    /** An international destination from E.164 digits, with or without a leading '+': TON 1 / NPI 1. */
    public static SmppAddress international(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return new SmppAddress(Ton.INTERNATIONAL, Npi.ISDN, digits);
    }

    @Override
    public String toString() {
        String shown = ton == Ton.ALPHANUMERIC || address.length() <= MAX_SHORT_CODE_DIGITS
                ? address : Msisdn.mask(address);
        return ton + "/" + npi + "/" + shown;
    }

    private static boolean allDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
