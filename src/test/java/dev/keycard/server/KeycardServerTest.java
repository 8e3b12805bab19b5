package dev.keycard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.LogCapture;
import dev.keycard.testing.TestUsers;
import dev.keycard.web.KeycardBootstrap;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up behaviour of the web application and the launcher's options. */
class KeycardServerTest {
    @TempDir
    Path dir;

    @Test
    void startWhenNoSecretsAndNotDemoThenRefusesNamingTheSecret() throws Exception {
        try (LogCapture log = LogCapture.of(KeycardBootstrap.class)) {
            KeycardServer.Builder b = KeycardServer.builder().port(0).webapp(Path.of("webapp"))
                    .baseDir(dir.resolve("tomcat")).setting("keycard.users.file", TestUsers.write(dir).toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, b::start);
            assertTrue(e.getMessage().contains("did not start"));
            List<String> severe = log.messages(Level.SEVERE);
            assertTrue(severe.stream().anyMatch(m -> m.contains("ACCESS_SECRET")), severe.toString());
        }
    }

    @Test
    void startWhenDemoWithoutSecretsThenWarnsOnceAndServes() throws Exception {
        try (LogCapture log = LogCapture.of(KeycardBootstrap.class);
             KeycardServer server = KeycardServer.builder().port(0).webapp(Path.of("webapp"))
                     .baseDir(dir.resolve("tomcat")).setting("keycard.demo", "true")
                     .setting("keycard.users.file", Path.of("conf/users.json").toAbsolutePath().toString()).start()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.baseUri().resolve("api/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"email\":\"demo@keycard.dev\",\"password\":\"correct horse battery staple\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("DEMO MODE"));
        }
    }

    @Test
    void startWhenPortInUseThenFailsAtOnceNamingThePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            KeycardServer.Builder b = KeycardServer.builder().port(taken.getLocalPort()).webapp(Path.of("webapp"))
                    .baseDir(dir.resolve("tomcat")).setting("keycard.demo", "true")
                    .setting("keycard.users.file", TestUsers.write(dir).toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, b::start);
            assertTrue(e.getMessage().contains(":" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("--port"), e.getMessage());
        }
    }

    @Test
    void optionsWhenFlagsAndPortVariableThenFlagsWin() {
        assertEquals(new Main.Options(8080, "127.0.0.1", Path.of("conf")), Main.Options.parse(new String[0], Map.of()));
        assertEquals(9000, Main.Options.parse(new String[0], Map.of("PORT", "9000")).port());
        Main.Options o = Main.Options.parse(new String[] {"--port", "9100", "--conf", "/etc/keycard", "--host",
            "0.0.0.0"}, Map.of("PORT", "9000"));
        assertEquals(new Main.Options(9100, "0.0.0.0", Path.of("/etc/keycard")), o);
        assertEquals(9100, Main.Options.parse(new String[] {"--port", "9100"}, Map.of("PORT", "abc")).port());
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[0], Map.of("PORT", "abc")));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--port"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--port", "x"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--bogus", "1"}, Map.of()));
        assertTrue(Files.isDirectory(Path.of("conf")));
    }
}
