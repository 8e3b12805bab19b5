package dev.keycard.server;

import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.config.Setting;
import dev.keycard.core.user.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code java -jar keycard.jar [--port N] [--host ADDR] [--conf DIR]} starts Keycard on embedded Tomcat with the
 * same WAR that standalone Tomcat deploys; {@code java -jar keycard.jar hash-password} reads a password from
 * standard input and prints an Argon2id hash for {@code users.json}. Without ACCESS_SECRET / REFRESH_SECRET it runs
 * in demo mode with ephemeral secrets (and says so).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("hash-password")) {
            hashPassword(System.getenv());
            return;
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("keycard: " + e.getMessage());
            System.err.println("usage: java -jar keycard.jar [--port N] [--host ADDRESS] [--conf DIR] | hash-password");
            System.exit(2);
            return;
        }
        KeycardServer.Builder builder = KeycardServer.builder()
                .address(options.host())
                .port(options.port())
                .webapp(webapp())
                .setting(Setting.DEMO.key(), "true");
        Path properties = options.conf().resolve("keycard.properties");
        if (Files.isRegularFile(properties)) {
            builder.setting("keycard.config", properties.toAbsolutePath().toString());
        } else if (Files.isRegularFile(options.conf().resolve("users.json"))) {
            builder.setting(Setting.USERS_FILE.key(), options.conf().resolve("users.json").toAbsolutePath().toString());
        }
        KeycardServer server;
        try {
            server = builder.start();
        } catch (IllegalStateException e) {
            System.err.println("keycard: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycard-shutdown"));
        String host = options.host().equals("0.0.0.0") || options.host().equals("127.0.0.1") ? "localhost" : options.host();
        System.out.println("Keycard is running at http://" + host + ":" + server.port() + "/");
        server.await();
    }

    /** The WAR inside this jar, copied out for Tomcat; or the source folder when run from a build tree. */
    private static Path webapp() throws IOException {
        try (InputStream war = Main.class.getResourceAsStream("/keycard.war")) {
            if (war == null) {
                return Path.of("webapp");
            }
            Path dir = Files.createTempDirectory("keycard-war");
            Path target = dir.resolve("keycard.war");
            Files.copy(war, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return target;
        }
    }

    private static void hashPassword(Map<String, String> env) throws IOException {
        String password;
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("Password: ");
            password = pw == null ? null : new String(pw);
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            password = in.readLine();
        }
        if (password == null || password.isEmpty()) {
            System.err.println("keycard: no password on standard input");
            System.exit(2);
            return;
        }
        KeycardConfig.Argon2Params params = new KeycardConfig.Argon2Params(
                intSetting(env, Setting.ARGON2_MEMORY_KIB), intSetting(env, Setting.ARGON2_ITERATIONS),
                intSetting(env, Setting.ARGON2_PARALLELISM));
        System.out.println(new PasswordHasher(params).hash(password));
    }

    private static int intSetting(Map<String, String> env, Setting s) {
        return Integer.parseInt(env.getOrDefault(s.envName(), s.defaultValue()).trim());
    }

    /** Command-line options; flags win over the PORT environment variable. */
    record Options(int port, String host, Path conf) {
        static Options parse(String[] args, Map<String, String> env) {
            int port = env.containsKey("PORT") ? parsePort(env.get("PORT")) : 8080;
            String host = "127.0.0.1";
            Path conf = Path.of("conf");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown or incomplete option " + a);
                }
                switch (a) {
                    case "--port" -> port = parsePort(args[++i]);
                    case "--host" -> host = args[++i];
                    case "--conf" -> conf = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return new Options(port, host, conf);
        }

        private static int parsePort(String v) {
            try {
                int p = Integer.parseInt(v.trim());
                if (p < 0 || p > 65535) {
                    throw new IllegalArgumentException("port must be between 0 and 65535");
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port must be a number: " + v);
            }
        }
    }
}
