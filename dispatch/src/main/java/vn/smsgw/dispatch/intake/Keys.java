package vn.smsgw.dispatch.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes intake keys: the dedupe key of a delivery (SHA-256 of SMSC id, reporter address, short code, delivery
 * reference and text) and the keyed reporter hash (HMAC-SHA-256) that blocklists store instead of numbers.
 * Not thread-safe: one instance per thread.
 */
final class Keys {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final MessageDigest sha256;
    private final Mac hmac;

    Keys(String reporterHashKey) {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(reporterHashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("JDK lacks SHA-256/HMAC", e);
        }
    }

    String dedupeKey(InboundSms sms) {
        sha256.reset();
        update(sha256, sms.smscId());
        update(sha256, sms.reporter());
        update(sha256, sms.shortCode());
        update(sha256, sms.deliveryRef());
        update(sha256, sms.form().name());
        update(sha256, sms.text());
        return hex(sha256.digest(), 16);
    }

    String textHash(String text) {
        sha256.reset();
        update(sha256, text);
        return hex(sha256.digest(), 16);
    }

    String reporterHash(String reporter) {
        return hex(hmac.doFinal(reporter.getBytes(StandardCharsets.UTF_8)), 16);
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static String hex(byte[] bytes, int n) {
        char[] out = new char[n * 2];
        for (int i = 0; i < n; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
