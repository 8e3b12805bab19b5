package dev.keycard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.user.PasswordHasher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code keycard hash-password}: run as its own process, password on standard input, hash on standard output. */
class HashPasswordCommandTest {
    private static Process run(String stdin) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "hash-password").redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hash-password finished");
        return p;
    }

    @Test
    void hashPasswordWhenPasswordOnStdinThenPrintsAnArgon2idHashOfIt() throws Exception {
        Process p = run("correct horse battery staple\n");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue());
        assertTrue(out.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), out);
        PasswordHasher hasher = new PasswordHasher(new KeycardConfig.Argon2Params(19456, 2, 1));
        assertTrue(hasher.matches("correct horse battery staple", out));
        assertFalse(hasher.matches("correct horse battery stapler", out));
    }

    @Test
    void hashPasswordWhenStdinEmptyThenFailsWithoutOutput() throws Exception {
        Process p = run("");
        assertEquals(2, p.exitValue());
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
