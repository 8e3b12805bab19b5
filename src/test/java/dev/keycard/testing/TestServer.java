package dev.keycard.testing;

import dev.keycard.server.KeycardServer;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keycard on embedded Tomcat for tests: port 0, the source {@code webapp/} folder, test users, fixed test secrets
 * and a {@link MutableClock}. Settings can be overridden per test class.
 */
public final class TestServer implements AutoCloseable {
    public static final String ACCESS_SECRET = "test-access-secret-0123456789-abcdefghijklmnop";
    public static final String REFRESH_SECRET = "test-refresh-secret-0123456789-abcdefghijklmno";
    /** A browser origin the test deployment accepts besides its own. */
    public static final String APP_ORIGIN = "https://app.example.test";

    private final KeycardServer server;
    private final MutableClock clock;

    private TestServer(KeycardServer server, MutableClock clock) {
        this.server = server;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static TestServer start() {
        return builder().start();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** Base URL without the trailing slash, for REST-assured's baseURI. */
    public String baseUrl() {
        String s = server.baseUri().toString();
        return s.substring(0, s.length() - 1);
    }

    public String contextPath() {
        return server.contextPath();
    }

    public MutableClock clock() {
        return clock;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Test server options. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, Map.Entry<Servlet, String>> servlets = new LinkedHashMap<>();
        private String contextPath = "";
        private MutableClock clock = MutableClock.startingNow();
        private String remoteIpHeader;
        private java.util.function.Consumer<org.apache.catalina.Context> contextCustomizer = ctx -> { };

        private Builder() {
            settings.put("keycard.access.secret", ACCESS_SECRET);
            settings.put("keycard.refresh.secret", REFRESH_SECRET);
            settings.put("keycard.allowedOrigins", APP_ORIGIN);
            settings.put("keycard.password.argon2.memoryKiB", Integer.toString(TestUsers.CHEAP.memoryKiB()));
            settings.put("keycard.password.argon2.iterations", Integer.toString(TestUsers.CHEAP.iterations()));
        }

        public Builder setting(String key, String value) {
            if (value == null) {
                settings.remove(key);
            } else {
                settings.put(key, value);
            }
            return this;
        }

        public Builder contextPath(String contextPath) {
            this.contextPath = contextPath;
            return this;
        }

        public Builder clock(MutableClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder servlet(String name, Servlet servlet, String pattern) {
            servlets.put(name, Map.entry(servlet, pattern));
            return this;
        }

        /** Trusts this header for the client address when the peer is an internal proxy (Tomcat's RemoteIpValve). */
        public Builder customizeContext(java.util.function.Consumer<org.apache.catalina.Context> customizer) {
            this.contextCustomizer = customizer;
            return this;
        }

        public Builder remoteIpHeader(String header) {
            this.remoteIpHeader = header;
            return this;
        }

        public TestServer start() {
            try {
                Path dir = Files.createTempDirectory("keycard-test");
                Path users = TestUsers.write(dir);
                KeycardServer.Builder b = KeycardServer.builder()
                        .port(0)
                        .contextPath(contextPath)
                        .webapp(Path.of("webapp"))
                        .baseDir(dir.resolve("tomcat"))
                        .clock(clock)
                        .setting("keycard.users.file", users.toString());
                settings.forEach(b::setting);
                servlets.forEach((name, s) -> b.servlet(name, s.getKey(), s.getValue()));
                b.customizeContext(contextCustomizer);
                if (remoteIpHeader != null) {
                    b.remoteIpHeader(remoteIpHeader);
                }
                return new TestServer(b.start(), clock);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
