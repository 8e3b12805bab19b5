package dev.keycard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.ConfigException;
import dev.keycard.core.config.ConfigLoader;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.config.StoreSettings;
import dev.keycard.core.session.InMemorySessionStore;
import dev.keycard.core.session.SessionSnapshot;
import dev.keycard.core.session.SessionSnapshotException;
import dev.keycard.core.session.RedisSessionStore;
import dev.keycard.core.session.SessionStore;
import dev.keycard.core.session.Sessions;
import dev.keycard.core.session.StoreUnavailableException;
import dev.keycard.core.token.AccessTokens;
import dev.keycard.core.token.RefreshTokens;
import dev.keycard.core.token.SigningKeys;
import dev.keycard.core.user.Authenticator;
import dev.keycard.core.user.PasswordHasher;
import dev.keycard.core.user.UsersFile;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keycard's one composition root, declared in {@code web.xml}: loads and validates the configuration, builds every
 * object once with constructor injection, and registers the filters and servlets as instances. A configuration
 * problem stops the web application with a message naming the key.
 *
 * <p>An embedding application (or a test) may hand Keycard a {@link Clock} by setting the servlet context
 * attribute {@value #CLOCK_ATTRIBUTE} before the context starts; otherwise the system UTC clock is used.
 */
public final class KeycardBootstrap implements ServletContextListener {
    /** Servlet context attribute holding the {@link Clock} Keycard should use. */
    public static final String CLOCK_ATTRIBUTE = "dev.keycard.clock";

    private static final Logger LOG = Logger.getLogger(KeycardBootstrap.class.getName());
    static final Set<String> PUBLIC_PATHS = Set.of("/api/login", "/api/auth/refresh", "/api/auth/logout", "/api/health");

    private ScheduledExecutorService purger;
    private SessionSnapshot snapshot;
    private InMemorySessionStore snapshotStore;
    private RedisSessionStore redisStore;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        KeycardConfig config;
        try {
            config = new ConfigLoader(System.getenv(), System.getProperties(), new SecureRandom())
                    .load(keycardParams(ctx));
        } catch (ConfigException e) {
            LOG.severe("Keycard cannot start: " + e.getMessage());
            throw e;
        }
        Clock clock = ctx.getAttribute(CLOCK_ATTRIBUTE) instanceof Clock c ? c : Clock.systemUTC();
        if (config.accessSecret().isEphemeral() || config.refreshSecret().isEphemeral()) {
            LOG.warning("DEMO MODE: ACCESS_SECRET/REFRESH_SECRET not set, using ephemeral random secrets; "
                    + "tokens and sessions will not survive a restart. Never run this in production.");
        }
        if (!config.cookieSecure()) {
            LOG.warning("keycard.cookie.secure=false: the refresh cookie may travel over plain HTTP.");
        }

        IdGenerator ids = new IdGenerator(new SecureRandom());
        PasswordHasher hasher = new PasswordHasher(config.argon2());
        UsersFile users = UsersFile.load(config.usersFile(), hasher);
        Authenticator authenticator = new Authenticator(users, hasher);
        SigningKeys signingKeys = loadSigningKeys(config);
        AccessTokens accessTokens = new AccessTokens(config, signingKeys, clock, ids);
        RefreshTokens refreshTokens = new RefreshTokens(config, clock);
        SessionStore store = openStore(config);
        Sessions sessions = new Sessions(store, accessTokens, refreshTokens, users, config, clock, ids);

        // --- sessions across graceful restarts (in-memory store, keycard.session.dataDir) ---
        if (config.sessionDataDir() != null && store instanceof InMemorySessionStore memory) {
            restoreSessions(new SessionSnapshot(config.sessionDataDir(), new ObjectMapper(), clock), memory);
        }

        Json json = new Json(new ObjectMapper());
        OriginCheck originCheck = new OriginCheck(config.allowedOrigins());
        String cookiePath = config.cookiePath().isEmpty() ? ctx.getContextPath() + "/api/auth" : config.cookiePath();
        RefreshCookie cookie = new RefreshCookie(config.cookieName(), cookiePath, config.refreshTtl(),
                config.cookieSecure(), config.cookieSameSite());
        TokenResponses responses = new TokenResponses(json, cookie, config.accessTtl());

        addFilter(ctx, "keycard-security-headers", new SecurityHeadersFilter(), "/*");
        addFilter(ctx, "keycard-api-headers", new ApiHeadersFilter(), "/api/*");
        FilterRegistration.Dynamic auth = ctx.addFilter("keycard-jwt", new JwtAuthFilter(accessTokens, json, PUBLIC_PATHS));
        auth.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");

        addServlet(ctx, "keycard-login", new LoginServlet(json, originCheck, new LoginRequestReader(), authenticator,
                sessions, responses), "/api/login");
        addServlet(ctx, "keycard-refresh", new RefreshServlet(json, originCheck, cookie, refreshTokens, sessions,
                responses), "/api/auth/refresh");
        addServlet(ctx, "keycard-logout", new LogoutServlet(json, originCheck, cookie, refreshTokens, sessions),
                "/api/auth/logout");
        addServlet(ctx, "keycard-logout-all", new LogoutAllServlet(json, originCheck, cookie, sessions),
                "/api/auth/logout-all");
        addServlet(ctx, "keycard-sessions", new SessionsServlet(json, originCheck, sessions),
                "/api/auth/sessions", "/api/auth/sessions/*");
        addServlet(ctx, "keycard-profile", new ProfileServlet(json), "/api/profile");
        addServlet(ctx, "keycard-health", new HealthServlet(json, store), "/api/health");
        addServlet(ctx, "keycard-not-found", new NotFoundServlet(json), "/api/*");
        addServlet(ctx, "keycard-error", new ErrorServlet(json), "/keycard-error");

        // --- Public keys of access tokens (outside /api: JwtAuthFilter does not guard it) ---
        addServlet(ctx, "keycard-jwks", new JwksServlet(signingKeys, json.mapper()), "/.well-known/jwks.json");

        purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keycard-session-purge");
            t.setDaemon(true);
            return t;
        });
        long every = config.purgeInterval().toMillis();
        purger.scheduleWithFixedDelay(() -> {
            try {
                sessions.purgeExpired();
            } catch (StoreUnavailableException e) {
                LOG.log(Level.WARNING, "Purging expired sessions failed: {0}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);

        LOG.info("Keycard started with " + users.size() + " user(s): " + config.describe());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (purger != null) {
            purger.shutdownNow();
        }
        if (snapshot != null) {
            try {
                int n = snapshot.write(snapshotStore.records());
                LOG.info("Saved " + n + " session record(s) to " + snapshot.file());
            } catch (SessionSnapshotException e) {
                LOG.severe("Sessions were not saved and will be lost: " + e.getMessage());
            }
        }
        if (redisStore != null) {
            redisStore.close();
        }
    }

    /** Loads (and so consumes) the snapshot before any request is served; a failure stops the start. */
    private void restoreSessions(SessionSnapshot from, InMemorySessionStore into) {
        try {
            from.consume().forEach(into::create);
        } catch (SessionSnapshotException e) {
            LOG.severe("Keycard cannot start: " + e.getMessage());
            throw e;
        }
        LOG.info("Restored " + into.size() + " session record(s) from " + from.file());
        snapshot = from;
        snapshotStore = into;
    }

    // --- Session store: this server's memory, or Redis shared by several servers (keycard.store) ---

    private SessionStore openStore(KeycardConfig config) {
        StoreSettings settings = config.store();
        LOG.info("Session store: " + settings.describe());
        if (settings.kind() == StoreSettings.Kind.REDIS) {
            redisStore = RedisSessionStore.connect(settings.redisUri(), settings.redisTimeout());
            return redisStore;
        }
        return new InMemorySessionStore();
    }

    private static SigningKeys loadSigningKeys(KeycardConfig config) {
        SigningKeys keys;
        try {
            keys = SigningKeys.load(config);
        } catch (ConfigException e) {
            LOG.severe("Keycard cannot start: " + e.getMessage());
            throw e;
        }
        LOG.info("Access tokens are signed with " + keys.algorithm() + ", current kid " + keys.currentKeyId()
                + (keys.keyIds().size() > 1 ? "; also accepted and published: "
                + keys.keyIds().subList(1, keys.keyIds().size()) : ""));
        return keys;
    }

    private static Map<String, String> keycardParams(ServletContext ctx) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(ctx.getInitParameterNames())) {
            if (name.startsWith("keycard.")) {
                params.put(name, ctx.getInitParameter(name));
            }
        }
        return params;
    }

    private static void addFilter(ServletContext ctx, String name, jakarta.servlet.Filter filter, String pattern) {
        ctx.addFilter(name, filter).addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), true, pattern);
    }

    private static void addServlet(ServletContext ctx, String name, HttpServlet servlet, String... patterns) {
        ctx.addServlet(name, servlet).addMapping(patterns);
    }
}
