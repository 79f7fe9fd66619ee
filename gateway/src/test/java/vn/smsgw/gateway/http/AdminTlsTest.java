package vn.smsgw.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the admin server's certificate chain and private key. */
class AdminTlsTest {
    @TempDir
    Path dir;

    private static AdminTls tls(TestCertificates.Pair p) {
        return new AdminTls(p.certificate().toString(), p.key().toString());
    }

    @Test
    void none_isPlainHttp() {
        assertFalse(AdminTls.NONE.enabled());
        assertThrows(IllegalStateException.class, AdminTls.NONE::check);
    }

    @Test
    void constructor_certificateWithoutKey_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdminTls("a.crt", ""));
        assertEquals("a certificate chain and a private key go together: no private key", e.getMessage());
    }

    @Test
    void context_rsaPair_isBuilt() throws Exception {
        AdminTls t = tls(TestCertificates.generate(dir, "rsa", "RSA"));
        assertTrue(t.enabled());
        assertTrue(t.context().isServer());
    }

    @Test
    void context_ecPair_isBuilt() throws Exception {
        assertNotNull(tls(TestCertificates.generate(dir, "ec", "EC")).context());
    }

    @Test
    void check_keyOfAnotherCertificate_isRefused() throws Exception {
        TestCertificates.Pair a = TestCertificates.generate(dir, "a", "RSA");
        TestCertificates.Pair b = TestCertificates.generate(dir, "b", "RSA");
        AdminTls mixed = new AdminTls(a.certificate().toString(), b.key().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, mixed::check);
        assertEquals("the private key " + b.key() + " does not belong to the first certificate of " + a.certificate(),
                e.getMessage());
    }

    @Test
    void check_keyNotInPkcs8Form_saysHowToConvertIt() throws Exception {
        TestCertificates.Pair p = TestCertificates.generate(dir, "rsa", "RSA");
        Files.writeString(p.key(), Files.readString(p.key()).replace("PRIVATE KEY", "RSA PRIVATE KEY"),
                StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tls(p).check());
        assertTrue(e.getMessage().startsWith("no PKCS#8 private key (-----BEGIN PRIVATE KEY-----) in " + p.key()
                + "; convert one with: openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
    }

    @Test
    void check_keyWithoutEndLine_saysSo() throws Exception {
        TestCertificates.Pair p = TestCertificates.generate(dir, "rsa", "RSA");
        Files.writeString(p.key(), Files.readString(p.key()).replace("-----END PRIVATE KEY-----", ""),
                StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tls(p).check());
        assertEquals("the private key in " + p.key() + " has no -----END PRIVATE KEY----- line", e.getMessage());
    }

    @Test
    void check_keyWithABrokenCharacter_isNotValidBase64() throws Exception {
        TestCertificates.Pair p = TestCertificates.generate(dir, "rsa", "RSA");
        String pem = Files.readString(p.key());
        int at = pem.indexOf('\n') + 10;
        Files.writeString(p.key(), pem.substring(0, at) + "!" + pem.substring(at + 1), StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tls(p).check());
        assertEquals("the private key in " + p.key() + " is not valid base64", e.getMessage());
    }

    @Test
    void check_certificateFileWithoutCertificate_isRefused() throws Exception {
        TestCertificates.Pair p = TestCertificates.generate(dir, "rsa", "RSA");
        Files.writeString(p.certificate(), "not a certificate\n", StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tls(p).check());
        assertTrue(e.getMessage().startsWith("cannot read the certificate chain " + p.certificate()), e.getMessage());
    }

    @Test
    void check_missingKeyFile_isRefused() throws Exception {
        TestCertificates.Pair p = TestCertificates.generate(dir, "rsa", "RSA");
        Files.delete(p.key());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tls(p).check());
        assertTrue(e.getMessage().startsWith("cannot read the private key " + p.key()), e.getMessage());
    }
}
