package dev.keycard.server;

import dev.keycard.core.config.Setting;
import java.io.IOException;
import java.io.InputStream;
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

    private static final String USAGE = "usage: java -jar keycard.jar [--port N] [--host ADDRESS] [--conf DIR]\n"
            + "       java -jar keycard.jar hash-password [--conf DIR]";

    public static void main(String[] args) throws IOException {
        // Tomcat would otherwise log rejected request lines and cookie headers, tokens included, at INFO
        System.setProperty("org.apache.juli.logging.UserDataHelper.CONFIG", "NONE");
        Map<String, String> env = System.getenv();
        if (args.length > 0 && args[0].equals("hash-password")) {
            System.exit(new HashPasswordCommand(env, System.out, System.err).run(args, System.console(), System.in));
            return;
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            System.err.println("keycard: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        KeycardServer.Builder builder = KeycardServer.builder()
                .address(options.host())
                .port(options.port())
                .webapp(webapp())
                .setting(Setting.DEMO.key(), "true");
        Path properties = options.conf().resolve("keycard.properties");
        Path users = options.conf().resolve("users.json");
        if (Files.isRegularFile(properties)) {
            builder.setting("keycard.config", properties.toAbsolutePath().toString());
        } else if (Files.isRegularFile(users)) {
            builder.setting(Setting.USERS_FILE.key(), users.toAbsolutePath().toString());
        } else if (!env.containsKey("KEYCARD_CONFIG") && !env.containsKey(Setting.USERS_FILE.envName())) {
            System.err.println("keycard: no keycard.properties or users.json in " + options.conf().toAbsolutePath()
                    + "; run from the Keycard folder or pass --conf DIR");
            System.exit(2);
            return;
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

    /** Command-line options; flags win over the PORT environment variable. */
    record Options(int port, String host, Path conf) {
        static Options parse(String[] args, Map<String, String> env) {
            Integer port = null;
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
            if (port == null) {
                port = env.containsKey("PORT") ? parsePort(env.get("PORT")) : 8080;
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
