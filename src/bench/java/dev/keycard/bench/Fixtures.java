package dev.keycard.bench;

import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.ConfigLoader;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.session.InMemorySessionStore;
import dev.keycard.core.session.Sessions;
import dev.keycard.core.token.AccessTokens;
import dev.keycard.core.token.RefreshTokens;
import dev.keycard.core.user.User;
import dev.keycard.core.user.UserStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Keycard's core objects wired as {@code KeycardBootstrap} wires them (default settings, fresh random secrets, the
 * system clock), for the in-process benchmarks.
 */
public final class Fixtures {
    public final KeycardConfig config;
    public final String accessSecret;
    public final IdGenerator ids = new IdGenerator(new SecureRandom());
    public final AccessTokens accessTokens;
    public final RefreshTokens refreshTokens;
    public final InMemorySessionStore store = new InMemorySessionStore();
    public final Sessions sessions;
    public final User user = new User(BenchUsers.USER_ID, BenchUsers.EMAIL, "unused", List.of("user"), false);

    public Fixtures() {
        try {
            Path dir = Files.createTempDirectory("keycard-bench");
            accessSecret = randomSecret();
            config = new ConfigLoader(Map.of(), new Properties(), new SecureRandom()).load(Map.of(
                    "keycard.access.secret", accessSecret,
                    "keycard.refresh.secret", randomSecret(),
                    "keycard.users.file", BenchUsers.write(dir, BenchUsers.CHEAP).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Clock clock = Clock.systemUTC();
        accessTokens = new AccessTokens(config, clock, ids);
        refreshTokens = new RefreshTokens(config, clock);
        UserStore users = new UserStore() {
            @Override
            public Optional<User> findByEmail(String email) {
                return Optional.of(user).filter(u -> u.email().equals(UserStore.normalizeEmail(email)));
            }

            @Override
            public Optional<User> findById(String id) {
                return Optional.of(user).filter(u -> u.id().equals(id));
            }
        };
        sessions = new Sessions(store, accessTokens, refreshTokens, users, config, clock, ids);
    }

    static String randomSecret() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
