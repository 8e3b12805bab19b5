package dev.keycard.core.token;

import dev.keycard.core.config.ConfigException;
import dev.keycard.core.config.Setting;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyAgreement;

/**
 * Reads an unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}) with the JDK and derives its
 * public key: RSA of at least 2048 bits for RS256, P-256 for ES256. Every problem is a {@link ConfigException}
 * naming {@code keycard.access.keys} and the file; the file's content is never quoted.
 */
final class PemKeys {
    private static final int MIN_RSA_BITS = 2048;
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final byte[] PROBE = "keycard key check".getBytes(StandardCharsets.US_ASCII);

    private PemKeys() {
    }

    /** The key pair in {@code file}, checked to suit {@code algorithm} ({@code RS256} or {@code ES256}). */
    static KeyPair read(Path file, String algorithm) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        byte[] der = der(file, pem);
        try {
            return algorithm.equals("RS256") ? rsa(file, der) : ec(file, der);
        } catch (InvalidKeySpecException e) {
            throw problem(file, "does not hold " + (algorithm.equals("RS256") ? "an RSA" : "an EC")
                    + " private key, as " + algorithm + " needs");
        } catch (GeneralSecurityException e) {
            throw problem(file, "cannot be used (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] der(Path file, String pem) {
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw problem(file, "is encrypted; Keycard reads unencrypted PKCS#8 keys (protect the file instead)");
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw problem(file, "is in a legacy format; convert it with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem`");
        }
        Matcher m = PKCS8.matcher(pem);
        if (!m.find()) {
            throw problem(file, "holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        if (m.find()) {
            throw problem(file, "holds more than one private key");
        }
        m.reset().find();
        try {
            return Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw problem(file, "is not valid PEM (bad base64)");
        }
    }

    private static KeyPair rsa(Path file, byte[] der) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("RSA");
        PrivateKey key = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw problem(file, "lacks the public exponent (not a CRT RSA key)");
        }
        if (crt.getModulus().bitLength() < MIN_RSA_BITS) {
            throw problem(file, "is an RSA key of " + crt.getModulus().bitLength() + " bits; at least "
                    + MIN_RSA_BITS + " are required");
        }
        PublicKey pub = kf.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new KeyPair(pub, key);
    }

    private static KeyPair ec(Path file, byte[] der) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("EC");
        PrivateKey key = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
        if (!(key instanceof ECPrivateKey ec) || !isP256(ec.getParams())) {
            throw problem(file, "is not a P-256 (prime256v1) EC key, as ES256 needs");
        }
        return new KeyPair(ecPublicKey(kf, ec), key);
    }

    /**
     * The JDK cannot multiply a point by a scalar directly, but ECDH with the curve's generator as the peer
     * yields the x coordinate of d·G, the public point. y follows from the curve equation up to its sign (P-256's
     * prime is 3 mod 4, so the square root is one exponentiation); a signature check picks the right one.
     */
    private static ECPublicKey ecPublicKey(KeyFactory kf, ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec params = key.getParams();
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(key);
        ecdh.doPhase(kf.generatePublic(new ECPublicKeySpec(params.getGenerator(), params)), true);
        BigInteger x = new BigInteger(1, ecdh.generateSecret());
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger rhs = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        for (BigInteger candidate : List.of(y, p.subtract(y))) {
            ECPublicKey pub = (ECPublicKey) kf.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), params));
            if (signs(key, pub)) {
                return pub;
            }
        }
        throw new InvalidKeySpecException("no public point matches the private key");
    }

    private static boolean signs(ECPrivateKey key, ECPublicKey pub) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(PROBE);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(pub);
        v.update(PROBE);
        return v.verify(sig);
    }

    private static boolean isP256(ECParameterSpec params) throws GeneralSecurityException {
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = ap.getParameterSpec(ECParameterSpec.class);
        return params.getCurve().equals(p256.getCurve()) && params.getGenerator().equals(p256.getGenerator())
                && params.getOrder().equals(p256.getOrder());
    }

    private static ConfigException problem(Path file, String what) {
        return new ConfigException(Setting.ACCESS_KEYS.key(), "key file " + file + " " + what);
    }
}
