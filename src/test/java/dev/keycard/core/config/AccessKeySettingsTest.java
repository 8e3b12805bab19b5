package dev.keycard.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestConfigs;
import dev.keycard.testing.TestKeys;
import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestKeys.TestKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keycard.access.algorithm and keycard.access.keys: what starts and what stops the start, naming the key. */
class AccessKeySettingsTest {
    @TempDir
    Path dir;

    @Test
    void loadWhenNothingSetThenHs256WithoutKeyFiles() {
        KeycardConfig c = TestConfigs.load(dir);
        assertEquals("HS256", c.accessKeys().algorithm());
        assertTrue(c.accessKeys().files().isEmpty());
        assertFalse(c.accessKeys().isAsymmetric());
    }

    @Test
    void loadWhenRs256WithKeysThenFilesInOrderAndNoAccessSecretNeeded() {
        TestKey k2 = TestKeys.rsa(dir, "k2.pem");
        TestKey k1 = TestKeys.rsa(dir, "k1.pem");
        KeycardConfig c = TestConfigs.load(dir, "keycard.access.algorithm", "rs256",
                "keycard.access.keys", k2.file() + " , " + k1.file(), "keycard.access.secret", null);
        assertEquals("RS256", c.accessKeys().algorithm());
        assertEquals(List.of(k2.file(), k1.file()), c.accessKeys().files());
    }

    @Test
    void loadWhenKeyPathRelativeThenResolvedAgainstConfigFileFolder() throws Exception {
        TestKeys.ec(dir, "k1.pem", "secp256r1");
        Path conf = dir.resolve("keycard.properties");
        Files.writeString(conf, "keycard.access.algorithm=ES256\nkeycard.access.keys=k1.pem\n"
                + "keycard.users.file=users.json\n");
        Files.writeString(dir.resolve("users.json"), "{\"users\": []}");
        KeycardConfig c = new ConfigLoader(Map.of("KEYCARD_CONFIG", conf.toString(),
                "REFRESH_SECRET", TestServer.REFRESH_SECRET), new Properties(),
                new SecureRandom()).load(Map.of());
        assertEquals(List.of(dir.toAbsolutePath().resolve("k1.pem")), c.accessKeys().files());
    }

    @Test
    void loadWhenAlgorithmUnknownThenRefusedNamingKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.load(dir, "keycard.access.algorithm", "none"));
        assertEquals("keycard.access.algorithm", e.getKey());
    }

    @Test
    void loadWhenRs256WithoutKeysThenRefusedNamingKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.load(dir, "keycard.access.algorithm", "RS256"));
        assertEquals("keycard.access.keys", e.getKey());
    }

    @Test
    void loadWhenHs256WithKeysThenRefusedRatherThanIgnored() {
        TestKey k1 = TestKeys.ec(dir, "k1.pem", "secp256r1");
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.load(dir, "keycard.access.keys", k1.file().toString()));
        assertEquals("keycard.access.keys", e.getKey());
    }

    @Test
    void loadWhenKeyFileMissingOrNamedTwiceThenRefusedNamingKeyAndFile() {
        ConfigException missing = assertThrows(ConfigException.class, () -> TestConfigs.load(dir,
                "keycard.access.algorithm", "ES256", "keycard.access.keys", dir.resolve("nope.pem").toString()));
        assertEquals("keycard.access.keys", missing.getKey());
        assertTrue(missing.getMessage().contains("nope.pem"), missing.getMessage());
        TestKey k1 = TestKeys.ec(dir, "k1.pem", "secp256r1");
        ConfigException twice = assertThrows(ConfigException.class, () -> TestConfigs.load(dir,
                "keycard.access.algorithm", "ES256", "keycard.access.keys", k1.file() + "," + k1.file()));
        assertEquals("keycard.access.keys", twice.getKey());
    }
}
