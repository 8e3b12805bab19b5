package dev.keycard.bench;

import dev.keycard.core.config.KeycardConfig.Argon2Params;
import dev.keycard.core.user.PasswordHasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one account the benchmarks sign in with, written as a {@code users.json}. */
final class BenchUsers {
    static final String USER_ID = "u-bench";
    static final String EMAIL = "bench@keycard.test";
    static final String PASSWORD = "bench-password-1";
    /** Cheap Argon2id cost for rows that log in once and then measure something else. */
    static final Argon2Params CHEAP = new Argon2Params(1024, 1, 1);
    /** Keycard's default Argon2id cost, for the login flood. */
    static final Argon2Params DEFAULT = new Argon2Params(19456, 2, 1);

    private BenchUsers() {
    }

    static Path write(Path dir, Argon2Params cost) throws IOException {
        String hash = new PasswordHasher(cost).hash(PASSWORD);
        String json = """
                {"users": [{"id": "%s", "email": "%s", "passwordHash": "%s", "roles": ["user"]}]}
                """.formatted(USER_ID, EMAIL, hash);
        Files.createDirectories(dir);
        Path file = dir.resolve("users.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
