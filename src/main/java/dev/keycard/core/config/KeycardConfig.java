package dev.keycard.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Keycard's validated, immutable settings. Built only by {@link ConfigLoader}, which checks every value and the
 * combinations between them once at start. Thread-safe.
 *
 * @param cookiePath the refresh cookie's path, or empty to use {@code <context path>/api/auth}
 * @param allowedOrigins origins allowed on state-changing requests besides the server's own
 * @param usersFile the JSON file of users, or {@code null} when none is configured
 * @param accessKeys how access tokens are signed: the algorithm and, for RS256/ES256, the key files
 * @param sessionDataDir where the in-memory session store keeps its records across a graceful restart, or
 *     {@code null} for no persistence
 * @param store where sessions are kept (memory, or Redis shared by several servers)
 */
public record KeycardConfig(
        String issuer,
        String audience,
        Duration accessTtl,
        Duration refreshTtl,
        Duration sessionMaxLifetime,
        Duration graceWindow,
        Duration clockSkew,
        Duration purgeInterval,
        Secret accessSecret,
        Secret refreshSecret,
        boolean demo,
        Path usersFile,
        String cookieName,
        String cookiePath,
        boolean cookieSecure,
        String cookieSameSite,
        List<URI> allowedOrigins,
        Argon2Params argon2,
        AccessKeys accessKeys,
        Path sessionDataDir,
        StoreSettings store) {

    /** Argon2id cost parameters used by {@code hash-password} and for the dummy hash of unknown emails. */
    public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    }

    /**
     * How access tokens are signed.
     *
     * @param algorithm {@code HS256} (with {@code ACCESS_SECRET}), {@code RS256} or {@code ES256}
     * @param files PEM private-key files for RS256/ES256: the first signs, the rest still verify; empty for HS256
     */
    public record AccessKeys(String algorithm, List<Path> files) {
        public AccessKeys {
            Objects.requireNonNull(algorithm, "algorithm");
            files = List.copyOf(files);
        }

        public boolean isAsymmetric() {
            return !algorithm.equals("HS256");
        }
    }

    public KeycardConfig {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(accessSecret, "accessSecret");
        Objects.requireNonNull(refreshSecret, "refreshSecret");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(accessKeys, "accessKeys");
    }

    /** One line of the effective non-secret settings, for the start-up log. */
    public String describe() {
        return "issuer=" + issuer + ", audience=" + audience + ", access.ttl=" + accessTtl
                + ", refresh.ttl=" + refreshTtl + ", session.maxLifetime=" + sessionMaxLifetime
                + ", refresh.graceWindow=" + graceWindow + ", clockSkew=" + clockSkew
                + ", cookie=" + cookieName + " (path=" + (cookiePath.isEmpty() ? "<context>/api/auth" : cookiePath)
                + ", secure=" + cookieSecure + ", sameSite=" + cookieSameSite + ")"
                + ", allowedOrigins=" + (allowedOrigins.isEmpty() ? "<own origin>" : allowedOrigins)
                + ", users.file=" + usersFile + ", session.dataDir=" + (sessionDataDir == null ? "<none>" : sessionDataDir)
                + ", secrets=" + (demo && accessSecret.isEphemeral() ? "ephemeral" : "configured");
    }
}
