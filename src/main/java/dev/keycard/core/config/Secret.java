package dev.keycard.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Key material for HMAC signing. {@link #toString()} never reveals the value, so a secret can be logged by
 * accident without leaking. Immutable and thread-safe.
 */
public final class Secret {
    /** Minimum length in bytes (HS256 needs a key at least as long as its 256-bit output). */
    public static final int MIN_BYTES = 32;

    private final byte[] bytes;
    private final boolean ephemeral;

    private Secret(byte[] bytes, boolean ephemeral) {
        this.bytes = bytes.clone();
        this.ephemeral = ephemeral;
    }

    /** Wraps a configured secret (its UTF-8 bytes); {@code name} is used in the error if it is too short. */
    public static Secret of(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(name, "is not set; give a random value of at least " + MIN_BYTES
                    + " bytes (e.g. `openssl rand -base64 48`)");
        }
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        if (raw.length < MIN_BYTES) {
            throw new ConfigException(name, "is too short (" + raw.length + " bytes); at least " + MIN_BYTES
                    + " bytes are required");
        }
        return new Secret(raw, false);
    }

    /** A random secret that lives only as long as this process (demo mode). */
    public static Secret ephemeral(SecureRandom random) {
        byte[] raw = new byte[48];
        random.nextBytes(raw);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encode(raw), true);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    /** Constant-time comparison of the key material. */
    public boolean sameValueAs(Secret other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && sameValueAs(s);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return ephemeral ? "Secret[ephemeral]" : "Secret[****]";
    }
}
