package dev.keycard.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Map<String, String> base() throws IOException {
        Map<String, String> m = new HashMap<>();
        m.put("keycard.users.file", TestUsers.write(dir).toString());
        m.put("keycard.access.secret", TestServer.ACCESS_SECRET);
        m.put("keycard.refresh.secret", TestServer.REFRESH_SECRET);
        return m;
    }

    private static KeycardConfig load(Map<String, String> env, Properties sys, Map<String, String> params) {
        return new ConfigLoader(env, sys, new SecureRandom()).load(params);
    }

    @Test
    void loadWhenNothingOverriddenThenContractDefaults() throws IOException {
        KeycardConfig c = load(Map.of(), new Properties(), base());
        assertEquals(Duration.ofMinutes(15), c.accessTtl());
        assertEquals(Duration.ofDays(7), c.refreshTtl());
        assertEquals(Duration.ofSeconds(10), c.graceWindow());
        assertEquals(Duration.ofSeconds(30), c.clockSkew());
        assertEquals("refreshToken", c.cookieName());
        assertEquals("Strict", c.cookieSameSite());
        assertTrue(c.cookieSecure());
        assertFalse(c.demo());
    }

    @Test
    void loadWhenSourcesOverlapThenFileThenContextThenSystemThenEnvironmentWins() throws IOException {
        Path file = dir.resolve("keycard.properties");
        Files.writeString(file, "keycard.issuer=from-file\nkeycard.audience=from-file\nkeycard.cookie.name=fromFile\n"
                + "keycard.access.ttl=PT5M\n");
        Map<String, String> params = base();
        params.put("keycard.config", file.toString());
        params.put("keycard.audience", "from-context");
        params.put("keycard.cookie.name", "fromContext");
        params.put("keycard.access.ttl", "PT6M");
        Properties sys = new Properties();
        sys.setProperty("keycard.cookie.name", "fromSystem");
        sys.setProperty("keycard.access.ttl", "PT7M");
        KeycardConfig c = load(Map.of("KEYCARD_ACCESS_TTL", "8m"), sys, params);
        assertEquals("from-file", c.issuer());
        assertEquals("from-context", c.audience());
        assertEquals("fromSystem", c.cookieName());
        assertEquals(Duration.ofMinutes(8), c.accessTtl());
    }

    @Test
    void loadWhenConfigFileNamedThenUsersJsonBesideItIsTheDefault() throws IOException {
        TestUsers.write(dir);
        Path file = dir.resolve("keycard.properties");
        Files.writeString(file, "keycard.issuer=x\n");
        Map<String, String> env = Map.of("KEYCARD_CONFIG", file.toString(), "ACCESS_SECRET", TestServer.ACCESS_SECRET,
                "REFRESH_SECRET", TestServer.REFRESH_SECRET);
        assertEquals(dir.resolve("users.json").toAbsolutePath(), load(env, new Properties(), Map.of()).usersFile());
    }

    @Test
    void loadWhenSecretsMissingThenStartRefusedNamingThem() throws IOException {
        Map<String, String> params = base();
        params.remove("keycard.access.secret");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params));
        assertEquals("ACCESS_SECRET", e.getKey());
        params.put("keycard.access.secret", TestServer.ACCESS_SECRET);
        params.remove("keycard.refresh.secret");
        assertEquals("REFRESH_SECRET",
                assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params)).getKey());
    }

    @Test
    void loadWhenSecretShortOrSharedThenRefusedWithoutPrintingIt() throws IOException {
        Map<String, String> params = base();
        params.put("keycard.access.secret", "short-secret-value");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params));
        assertFalse(e.getMessage().contains("short-secret-value"));
        params.put("keycard.access.secret", TestServer.REFRESH_SECRET);
        assertEquals("REFRESH_SECRET",
                assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params)).getKey());
    }

    @Test
    void loadWhenDemoAndNoSecretsThenEphemeralSecretsThatHideThemselves() throws IOException {
        Map<String, String> params = base();
        params.remove("keycard.access.secret");
        params.remove("keycard.refresh.secret");
        params.put("keycard.demo", "true");
        KeycardConfig c = load(Map.of(), new Properties(), params);
        assertTrue(c.accessSecret().isEphemeral());
        assertFalse(c.accessSecret().sameValueAs(c.refreshSecret()));
        assertEquals("Secret[ephemeral]", c.accessSecret().toString());
        assertFalse(c.describe().contains(new String(c.accessSecret().bytes())));
    }

    @Test
    void loadWhenDemoButSecretsGivenThenSecretsUsed() throws IOException {
        Map<String, String> params = base();
        params.put("keycard.demo", "true");
        assertFalse(load(Map.of(), new Properties(), params).accessSecret().isEphemeral());
    }

    @ParameterizedTest
    @CsvSource({
        "keycard.access.ttl, soon",
        "keycard.access.ttl, P8D",
        "keycard.refresh.ttl, PT10M",
        "keycard.clockSkew, PT31S",
        "keycard.refresh.graceWindow, PT2M",
        "keycard.session.maxLifetime, P1D",
        "keycard.cookie.name, 'bad name'",
        "keycard.cookie.path, api",
        "keycard.cookie.sameSite, sometimes",
        "keycard.cookie.secure, yes",
        "keycard.allowedOrigins, null",
        "keycard.allowedOrigins, https://app.example.test/path",
        "keycard.allowedOrigins, *",
        "keycard.password.argon2.iterations, 0",
        "keycard.unknown.setting, 1",
        "keycard.issuer, ' '"
    })
    void loadWhenValueBadThenStartRefusedNamingTheKey(String key, String value) throws IOException {
        Map<String, String> params = base();
        params.put(key, value);
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params));
        assertEquals(key, e.getKey());
        assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
    }

    @Test
    void loadWhenSameSiteNoneWithoutSecureThenRefused() throws IOException {
        Map<String, String> params = base();
        params.put("keycard.cookie.sameSite", "None");
        params.put("keycard.cookie.secure", "false");
        assertEquals("keycard.cookie.sameSite",
                assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params)).getKey());
    }

    @Test
    void loadWhenOriginsListedThenNormalized() throws IOException {
        Map<String, String> params = base();
        params.put("keycard.allowedOrigins", " HTTPS://App.Example.test , http://localhost:3000/");
        assertEquals(List.of(URI.create("https://app.example.test"), URI.create("http://localhost:3000")),
                load(Map.of(), new Properties(), params).allowedOrigins());
    }

    @Test
    void loadWhenDemoButOnlyOneSecretGivenThenRefusedNamingTheMissingOne() throws IOException {
        Map<String, String> params = base();
        params.put("keycard.demo", "true");
        params.remove("keycard.refresh.secret");
        assertEquals("REFRESH_SECRET",
                assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params)).getKey());
        params.put("keycard.refresh.secret", TestServer.REFRESH_SECRET);
        params.remove("keycard.access.secret");
        assertEquals("ACCESS_SECRET",
                assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params)).getKey());
    }

    @Test
    void loadWhenRedisStoreInDemoModeWithoutSecretsThenRefused() throws IOException {
        Map<String, String> params = base();
        params.remove("keycard.access.secret");
        params.remove("keycard.refresh.secret");
        params.put("keycard.demo", "true");
        params.put("keycard.store", "redis");
        assertEquals("keycard.store",
                assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), params)).getKey());
    }

    @Test
    void loadWhenEnvironmentHasAMisspelledKeycardVariableThenRefusedNamingIt() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("KEYCARD_ACCES_TTL", "banana"), new Properties(), base()));
        assertEquals("KEYCARD_ACCES_TTL", e.getKey());
        // known names and the config-file pointer are fine
        assertEquals(8192, load(Map.of("KEYCARD_PASSWORD_ARGON2_MEMORY_KIB", "8192"), new Properties(), base())
                .argon2().memoryKiB());
    }

    @Test
    void envNameWhenCamelCaseKeyThenUnderscored() {
        assertEquals("KEYCARD_REFRESH_GRACE_WINDOW", Setting.GRACE_WINDOW.envName());
        assertEquals("KEYCARD_ACCESS_TTL", Setting.ACCESS_TTL.envName());
        assertEquals("ACCESS_SECRET", Setting.ACCESS_SECRET.envName());
    }
}
