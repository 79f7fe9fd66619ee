package vn.smsgw.gateway.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin server's TLS files: a PEM certificate chain (the server's certificate first) and its PEM private key in
 * PKCS#8 form ({@code -----BEGIN PRIVATE KEY-----}, not encrypted). Both empty ({@link #NONE}): plain HTTP. Immutable.
 */
public record AdminTls(String certificateChain, String privateKey) {

    /*
     * The files are parsed here rather than by Netty so that a bad file is refused at start with what is wrong with
     * it, and a private key that does not belong to the certificate (which Netty accepts, and every handshake then
     * fails) is caught by signing a random challenge with the key and checking it with the certificate's public key.
     */

    /** Plain HTTP. */
    public static final AdminTls NONE = new AdminTls("", "");

    private static final Logger log = LoggerFactory.getLogger(AdminTls.class);

    /** TLS 1.3 and 1.2 only. */
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /**
     * AEAD suites only, and on TLS 1.2 only with an ephemeral key exchange (forward secrecy): no static RSA key
     * exchange, no CBC, no SHA-1. Those the JDK lacks are left out.
     */
    static final List<String> CIPHERS = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

    public AdminTls {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        if (certificateChain.isEmpty() != privateKey.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain and a private key go together: "
                    + (certificateChain.isEmpty() ? "no certificate chain" : "no private key"));
        }
    }

    /** Whether the server speaks TLS. */
    public boolean enabled() {
        return !certificateChain.isEmpty();
    }

    /**
     * Reads both files and checks that the key belongs to the first certificate.
     *
     * @throws IllegalArgumentException saying what is wrong: a file cannot be read or parsed, or the key does not match
     */
    public void check() {
        load();
    }

    /**
     * The server context from the two files, read now.
     *
     * @throws IllegalArgumentException as {@link #check()}
     */
    SslContext context() {
        Loaded files = load();
        try {
            files.chain().get(0).checkValidity();
        } catch (CertificateException e) {
            log.warn("the admin HTTPS certificate {} is not valid now ({}); clients will refuse it", certificateChain,
                    e.getMessage());
        }
        try {
            return SslContextBuilder.forServer(files.key(), files.chain().toArray(X509Certificate[]::new))
                    .protocols(PROTOCOLS).ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE).build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot use certificate chain " + certificateChain + " with private key "
                    + privateKey + ": " + message(e), e);
        }
    }

    /** The parsed files. */
    private record Loaded(List<X509Certificate> chain, PrivateKey key) {
    }

    private Loaded load() {
        if (!enabled()) {
            throw new IllegalStateException("plain HTTP has no TLS files");
        }
        List<X509Certificate> chain = certificates(Path.of(certificateChain));
        PrivateKey key = key(Path.of(privateKey));
        checkPair(key, chain.get(0));
        return new Loaded(chain, key);
    }

    private static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate chain " + file + ": " + message(e), e);
        }
    }

    private static PrivateKey key(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the private key " + file + ": " + message(e), e);
        }
        int begin = pem.indexOf(PKCS8_BEGIN);
        if (begin < 0) {
            throw new IllegalArgumentException("no PKCS#8 private key (" + PKCS8_BEGIN + ") in " + file
                    + "; convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out " + file);
        }
        int end = pem.indexOf(PKCS8_END, begin);
        if (end < 0) {
            throw new IllegalArgumentException("the private key in " + file + " has no " + PKCS8_END + " line");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(pem.substring(begin + PKCS8_BEGIN.length(), end).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key in " + file + " is not valid base64", e);
        }
        GeneralSecurityException last = null;
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e; // not this algorithm; try the next
            }
        }
        throw new IllegalArgumentException("the private key in " + file + " is not an RSA, EC or Ed25519 key", last);
    }

    /** Signs a random challenge with {@code key} and verifies it with {@code certificate}'s public key. */
    private void checkPair(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            matches = false; // a key of another kind than the certificate's
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot check the private key " + privateKey + " against "
                    + certificateChain + ": " + message(e), e);
        }
        if (!matches) {
            throw new IllegalArgumentException("the private key " + privateKey
                    + " does not belong to the first certificate of " + certificateChain);
        }
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
