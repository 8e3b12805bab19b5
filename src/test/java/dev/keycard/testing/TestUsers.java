package dev.keycard.testing;

import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.user.PasswordHasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The accounts the HTTP tests sign in with, written as a users.json with cheap (test-only) Argon2id hashes. */
public final class TestUsers {
    public static final String USER_EMAIL = "user@example.test";
    public static final String USER_PASSWORD = "user-password-1";
    public static final String ADMIN_EMAIL = "admin@example.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String LOCKED_EMAIL = "locked@example.test";
    public static final String LOCKED_PASSWORD = "locked-password-1";

    /** Cheap Argon2id cost so that tests spend their time on behaviour, not hashing. */
    public static final KeycardConfig.Argon2Params CHEAP = new KeycardConfig.Argon2Params(1024, 1, 1);

    private TestUsers() {
    }

    public static Path write(Path dir) throws IOException {
        PasswordHasher h = new PasswordHasher(CHEAP);
        String json = """
                {"users": [
                  {"id": "u-user", "email": "%s", "passwordHash": "%s", "roles": ["user"]},
                  {"id": "u-admin", "email": "%s", "passwordHash": "%s", "roles": ["user", "admin"]},
                  {"id": "u-locked", "email": "%s", "passwordHash": "%s", "roles": ["user"], "disabled": true}
                ]}
                """.formatted(USER_EMAIL, h.hash(USER_PASSWORD), ADMIN_EMAIL, h.hash(ADMIN_PASSWORD),
                LOCKED_EMAIL, h.hash(LOCKED_PASSWORD));
        Path file = dir.resolve("users.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
