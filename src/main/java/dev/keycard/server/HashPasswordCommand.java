package dev.keycard.server;

import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.config.Setting;
import dev.keycard.core.user.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * {@code keycard.jar hash-password [--conf DIR]}: reads one password (from the terminal without echo, or the first
 * line of standard input) and prints its Argon2id hash for {@code users.json}, with the cost configured in
 * {@code DIR/keycard.properties} or the environment ({@code KEYCARD_PASSWORD_ARGON2_*}), defaults otherwise.
 */
final class HashPasswordCommand {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    HashPasswordCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the process exit code. */
    int run(String[] args, Console console, InputStream stdin) throws IOException {
        Path conf = Path.of("conf");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--conf") && i + 1 < args.length) {
                conf = Path.of(args[++i]);
            } else {
                err.println("usage: java -jar keycard.jar hash-password [--conf DIR]");
                return 2;
            }
        }
        KeycardConfig.Argon2Params params;
        try {
            Properties file = new Properties();
            Path properties = conf.resolve("keycard.properties");
            if (Files.isRegularFile(properties)) {
                try (Reader r = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                    file.load(r);
                }
            }
            params = new KeycardConfig.Argon2Params(setting(file, Setting.ARGON2_MEMORY_KIB, 1024, 4 * 1024 * 1024),
                    setting(file, Setting.ARGON2_ITERATIONS, 1, 100), setting(file, Setting.ARGON2_PARALLELISM, 1, 64));
        } catch (IllegalArgumentException e) {
            err.println("keycard: " + e.getMessage());
            return 2;
        }
        String password = read(console, stdin);
        if (password == null || password.isEmpty()) {
            err.println("keycard: no password on standard input");
            return 2;
        }
        out.println(new PasswordHasher(params).hash(password));
        return 0;
    }

    private int setting(Properties file, Setting s, int min, int max) {
        String v = env.getOrDefault(s.envName(), file.getProperty(s.key(), s.defaultValue())).trim();
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(s.key() + ": must be a whole number between " + min + " and " + max);
    }

    private static String read(Console console, InputStream stdin) throws IOException {
        if (console != null) {
            char[] pw = console.readPassword("Password: ");
            return pw == null ? null : new String(pw);
        }
        return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
    }
}
