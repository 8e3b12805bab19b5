package dev.keycard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.core.config.KeycardConfig.Argon2Params;
import dev.keycard.server.KeycardServer;
import dev.keycard.web.Json;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keycard on embedded Tomcat (loopback, a free port, the source {@code webapp/}, fresh random secrets), with the
 * benchmark's extra endpoints next to Keycard's own:
 * <ul>
 *   <li>{@code /api/bench/whoami}: guarded by Keycard's JwtAuthFilter like any application servlet under /api;</li>
 *   <li>{@code /bench/session/whoami} (after {@code POST /bench/session/login}): Tomcat HttpSession;</li>
 *   <li>{@code /bench/redis/whoami}: opaque session id cookie looked up in Redis (when Redis is given);</li>
 *   <li>{@code /bench/open/whoami}: the same endpoint with no check at all.</li>
 * </ul>
 */
final class BenchServer implements AutoCloseable {
    private final KeycardServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private BenchServer(KeycardServer server) {
        this.server = server;
    }

    static BenchServer start(Path dir, Argon2Params cost, Map<String, String> settings,
                             RedisCommands<String, String> redis) throws IOException {
        Files.createDirectories(dir);
        Json json = new Json(new ObjectMapper());
        KeycardServer.Builder b = KeycardServer.builder()
                .port(0)
                .webapp(Path.of("webapp"))
                .baseDir(dir.resolve("tomcat"))
                .setting("keycard.access.secret", Fixtures.randomSecret())
                .setting("keycard.refresh.secret", Fixtures.randomSecret())
                .setting("keycard.users.file", BenchUsers.write(dir, cost).toString())
                .setting("keycard.password.argon2.memoryKiB", Integer.toString(cost.memoryKiB()))
                .setting("keycard.password.argon2.iterations", Integer.toString(cost.iterations()))
                .servlet("bench-keycard", new WhoAmIServlet(json, Identities.keycard()), "/api/bench/whoami")
                .servlet("bench-session-login", new SessionLoginServlet(), "/bench/session/login")
                .servlet("bench-session", new WhoAmIServlet(json, Identities.httpSession()), "/bench/session/whoami")
                .servlet("bench-open", new WhoAmIServlet(json, req -> BenchUsers.USER_ID), "/bench/open/whoami");
        if (redis != null) {
            b.servlet("bench-redis", new WhoAmIServlet(json, Identities.redis(redis)), "/bench/redis/whoami");
        }
        settings.forEach(b::setting);
        return new BenchServer(b.start());
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Logs the bench user in and returns the access token. */
    String accessToken() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(
                        Map.of("email", BenchUsers.EMAIL, "password", BenchUsers.PASSWORD))))
                .build(), 200);
        return mapper.readTree(r.body()).get("accessToken").asText();
    }

    /** Opens a Tomcat HttpSession for the bench user and returns its cookie ({@code JSESSIONID=...}). */
    String httpSessionCookie() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/bench/session/login")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 204);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IOException("no session cookie"));
        return set.substring(0, set.indexOf(';'));
    }

    private HttpResponse<String> send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(request.uri().getPath() + " answered " + r.statusCode());
        }
        return r;
    }

    @Override
    public void close() {
        server.close();
    }
}
