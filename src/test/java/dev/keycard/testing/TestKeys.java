package dev.keycard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Key pairs generated at test time and written as unencrypted PKCS#8 PEM files, as {@code openssl genpkey} makes
 * them; no key material lives in the source tree.
 */
public final class TestKeys {
    private TestKeys() {
    }

    /** A key pair and the PEM file holding its private key. */
    public record TestKey(Path file, KeyPair pair) {
    }

    public static TestKey rsa(Path dir, String name) {
        return write(dir, name, generate("RSA", 2048, null));
    }

    public static TestKey rsa(Path dir, String name, int bits) {
        return write(dir, name, generate("RSA", bits, null));
    }

    /** P-256 when {@code curve} is {@code secp256r1}, as ES256 needs. */
    public static TestKey ec(Path dir, String name, String curve) {
        return write(dir, name, generate("EC", 0, curve));
    }

    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static TestKey write(Path dir, String name, KeyPair pair) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, pem(pair.getPrivate()), StandardCharsets.US_ASCII);
            return new TestKey(file, pair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate(String algorithm, int bits, String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                g.initialize(new ECGenParameterSpec(curve));
            } else {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
