package dev.keycard.core.user;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.keycard.core.config.KeycardConfig.Argon2Params;

/**
 * Hashes and checks passwords through password4j: new hashes are Argon2id with the configured cost; checks accept
 * Argon2id and bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}) hashes, each with the cost encoded in the hash.
 * Thread-safe.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;

    public PasswordHasher(Argon2Params params) {
        this.argon2 = Argon2Function.getInstance(params.memoryKiB(), params.iterations(), params.parallelism(),
                HASH_BYTES, Argon2.ID);
    }

    /** A new encoded Argon2id hash of {@code password} with a random salt. */
    public String hash(CharSequence password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    /** Whether {@code password} matches {@code encodedHash}; false for an unsupported or malformed hash. */
    public boolean matches(CharSequence password, String encodedHash) {
        if (encodedHash.startsWith("$argon2id$")) {
            Argon2Function f = argon2FromHash(encodedHash);
            return f != null && Password.check(password, encodedHash).with(f);
        }
        if (isBcrypt(encodedHash)) {
            return Password.check(password, encodedHash).with(BcryptFunction.getInstanceFromHash(encodedHash));
        }
        return false;
    }

    /** Whether {@code encodedHash} is a well-formed hash this class can check. */
    public boolean isSupported(String encodedHash) {
        return encodedHash.startsWith("$argon2id$") ? argon2FromHash(encodedHash) != null : isBcrypt(encodedHash);
    }

    private static boolean isBcrypt(String h) {
        return h.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    }

    private static Argon2Function argon2FromHash(String h) {
        try {
            return Argon2Function.getInstanceFromHash(h);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // password4j signals a malformed hash with one of these (BadParametersException is an IllegalArgumentException)
            return null;
        }
    }
}
