package dev.keycard.core.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.core.config.ConfigException;
import dev.keycard.testing.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {
    private final PasswordHasher hasher = new PasswordHasher(TestUsers.CHEAP);

    @TempDir
    Path dir;

    @Test
    void findByEmailWhenCaseOrSpacesDifferThenFound() throws IOException {
        UsersFile users = UsersFile.load(TestUsers.write(dir), hasher);
        assertEquals("u-user", users.findByEmail("  User@EXAMPLE.test ").orElseThrow().id());
        assertTrue(users.findByEmail("other@example.test").isEmpty());
        assertTrue(users.findById("u-locked").orElseThrow().disabled());
    }

    @Test
    void loadWhenShippedDemoFileThenDemoUserWithArgon2idHash() {
        UsersFile users = UsersFile.load(Path.of("conf/users.json"), hasher);
        User demo = users.findByEmail("demo@keycard.dev").orElseThrow();
        assertTrue(demo.passwordHash().startsWith("$argon2id$"));
        assertTrue(hasher.matches("correct horse battery staple", demo.passwordHash()));
        assertFalse(hasher.matches("Correct horse battery staple", demo.passwordHash()));
    }

    @Test
    void loadWhenEmailsCollideAfterNormalizingThenRefused() throws IOException {
        String h = hasher.hash("x");
        Path f = write("{\"users\":[{\"id\":\"a\",\"email\":\"A@x.test\",\"passwordHash\":\"" + h + "\"},"
                + "{\"id\":\"b\",\"email\":\"a@x.test \",\"passwordHash\":\"" + h + "\"}]}");
        assertThrows(ConfigException.class, () -> UsersFile.load(f, hasher));
    }

    @Test
    void loadWhenHashIsPlaintextOrMalformedThenRefused() throws IOException {
        for (String hash : new String[] {"hunter2", "$argon2id$garbage", "$2b$10$short"}) {
            Path f = write("{\"users\":[{\"id\":\"a\",\"email\":\"a@x.test\",\"passwordHash\":\"" + hash + "\"}]}");
            ConfigException e = assertThrows(ConfigException.class, () -> UsersFile.load(f, hasher));
            assertEquals("keycard.users.file", e.getKey());
        }
    }

    @Test
    void matchesWhenBcryptHashThenChecked() {
        String bcrypt = com.password4j.Password.hash("pw").with(com.password4j.BcryptFunction.getInstance(4)).getResult();
        assertTrue(hasher.isSupported(bcrypt));
        assertTrue(hasher.matches("pw", bcrypt));
        assertFalse(hasher.matches("px", bcrypt));
    }

    @Test
    void authenticateWhenUnknownDisabledOrWrongThenSameException() throws IOException {
        Authenticator auth = new Authenticator(UsersFile.load(TestUsers.write(dir), hasher), hasher);
        assertEquals("u-user", auth.authenticate(TestUsers.USER_EMAIL, TestUsers.USER_PASSWORD).id());
        String a = assertThrows(InvalidCredentialsException.class, () -> auth.authenticate("no@x.test", "pw")).getMessage();
        String b = assertThrows(InvalidCredentialsException.class,
                () -> auth.authenticate(TestUsers.USER_EMAIL, "wrong")).getMessage();
        String c = assertThrows(InvalidCredentialsException.class,
                () -> auth.authenticate(TestUsers.LOCKED_EMAIL, TestUsers.LOCKED_PASSWORD)).getMessage();
        assertEquals(a, b);
        assertEquals(a, c);
    }

    private Path write(String json) throws IOException {
        Path f = dir.resolve("u" + System.nanoTime() + ".json");
        Files.writeString(f, json);
        return f;
    }
}
