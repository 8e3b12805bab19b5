package dev.keycard.core;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers (128 random bits, base64url) for sessions and token ids. Thread-safe. */
public final class IdGenerator {
    private final SecureRandom random;

    public IdGenerator(SecureRandom random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    public String next() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
