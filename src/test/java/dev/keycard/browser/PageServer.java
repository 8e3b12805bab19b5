package dev.keycard.browser;

import dev.keycard.server.KeycardServer;
import dev.keycard.testing.MutableClock;
import dev.keycard.testing.TestServer;
import dev.keycard.testing.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycard on embedded Tomcat (port 0) serving the page, for the browser tests. It serves a copy of
 * {@code webapp/} whose {@code web.xml} also declares {@link RequestLog.RecordingFilter} in front of Keycard's own
 * filters; everything else (page, bootstrap, security headers) is the real thing. Secrets and the mutable clock
 * are those of the HTTP suite.
 */
final class PageServer implements AutoCloseable {
    private final KeycardServer server;
    private final MutableClock clock;
    private final RequestLog log;
    private final Path dir;

    private PageServer(KeycardServer server, MutableClock clock, RequestLog log, Path dir) {
        this.server = server;
        this.clock = clock;
        this.log = log;
        this.dir = dir;
    }

    /** Starts at {@code contextPath} ({@code ""} or e.g. {@code "/keycard"}); {@code usersFile} null for the test users. */
    static PageServer start(String contextPath, Path usersFile) {
        return start(contextPath, usersFile, Map.of());
    }

    /** As above, with extra Keycard settings such as {@code keycard.access.ttl}. */
    static PageServer start(String contextPath, Path usersFile, Map<String, String> settings) {
        RequestLog log = RequestLog.create();
        try {
            Path dir = Files.createTempDirectory("keycard-browser");
            Path webapp = copyWithRecordingFilter(Path.of("webapp"), dir.resolve("webapp"), log);
            MutableClock clock = MutableClock.startingNow();
            KeycardServer.Builder builder = KeycardServer.builder()
                    .port(0)
                    .contextPath(contextPath)
                    .webapp(webapp)
                    .baseDir(dir.resolve("tomcat"))
                    .clock(clock)
                    .setting("keycard.access.secret", TestServer.ACCESS_SECRET)
                    .setting("keycard.refresh.secret", TestServer.REFRESH_SECRET)
                    .setting("keycard.users.file", (usersFile != null ? usersFile : TestUsers.write(dir)).toString())
                    .setting("keycard.password.argon2.memoryKiB", Integer.toString(TestUsers.CHEAP.memoryKiB()))
                    .setting("keycard.password.argon2.iterations", Integer.toString(TestUsers.CHEAP.iterations()));
            settings.forEach(builder::setting);
            KeycardServer server = builder.start();
            return new PageServer(server, clock, log, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page at {@code http://<host>:<port><context path>/}; hosts localhost and 127.0.0.1 are two origins. */
    URI page(String host) {
        return URI.create("http://" + host + ":" + server.port() + server.contextPath() + "/");
    }

    MutableClock clock() {
        return clock;
    }

    RequestLog requests() {
        return log;
    }

    @Override
    public void close() {
        server.close();
        log.discard();
        deleteTree(dir);
    }

    private static Path copyWithRecordingFilter(Path source, Path target, RequestLog log) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path webXml = target.resolve("WEB-INF/web.xml");
        String xml = Files.readString(webXml, StandardCharsets.UTF_8);
        // Declared filters run before the ones Keycard's bootstrap adds, so this one sees every /api request.
        String filter = """
                  <filter>
                    <filter-name>test-request-log</filter-name>
                    <filter-class>%s</filter-class>
                    <init-param><param-name>log-id</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>test-request-log</filter-name>
                    <url-pattern>/api/*</url-pattern>
                  </filter-mapping>
                </web-app>""".formatted(RequestLog.RecordingFilter.class.getName(), log.id());
        if (!xml.contains("</web-app>")) {
            throw new IllegalStateException("unexpected web.xml: no </web-app>");
        }
        Files.writeString(webXml, xml.replace("</web-app>", filter), StandardCharsets.UTF_8);
        return target;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder left behind is harmless
        }
    }
}
