package dev.keycard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fresh CATALINA_BASE for one standalone Tomcat, set up the way an operator would deploy Keycard: the WAR as
 * {@code webapps/keycard.war} (context {@code /keycard}), the distribution's stock {@code conf/} with the HTTP
 * connector moved to a free port of 127.0.0.1 and the shutdown port disabled, {@code bin/setenv.sh} exporting the secrets and {@code KEYCARD_CONFIG}, system
 * properties in {@code CATALINA_OPTS}, context parameters in {@code conf/Catalina/localhost/keycard.xml}, and a
 * {@code keycard.properties} with a {@code users.json} of {@link TestUsers} beside it. Not thread-safe.
 */
public final class CatalinaBase {
    /** Where the distributions and the WAR are, as the build passes them to the integration tests. */
    public static final String WAR_PROPERTY = "keycard.it.war";

    private final Path home;
    private final Path base;
    private final int port;

    private CatalinaBase(Path home, Path base, int port) {
        this.home = home;
        this.base = base;
        this.port = port;
    }

    /** A base for the distribution whose CATALINA_HOME the system property {@code homeProperty} names. */
    public static Builder builder(String homeProperty) {
        return new Builder(Path.of(required(homeProperty)), Path.of(required(WAR_PROPERTY)));
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the *IT tests with `mvn verify`");
        }
        return v;
    }

    public Path home() {
        return home;
    }

    public Path base() {
        return base;
    }

    public int port() {
        return port;
    }

    /** Where Keycard's own files live: keycard.properties, users.json, the session data folder. */
    public Path keycardDir() {
        return base.resolve("keycard");
    }

    /** Options of a {@link CatalinaBase}. */
    public static final class Builder {
        private final Path home;
        private final Path war;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> contextParameters = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(Path home, Path war) {
            this.home = home;
            this.war = war;
            env.put("ACCESS_SECRET", TestServer.ACCESS_SECRET);
            env.put("REFRESH_SECRET", TestServer.REFRESH_SECRET);
            properties.put("keycard.password.argon2.memoryKiB", Integer.toString(TestUsers.CHEAP.memoryKiB()));
            properties.put("keycard.password.argon2.iterations", Integer.toString(TestUsers.CHEAP.iterations()));
        }

        /** An environment variable exported by {@code bin/setenv.sh}; {@code null} removes a default. */
        public Builder env(String name, String value) {
            put(env, name, value);
            return this;
        }

        /** A {@code -Dkey=value} in {@code CATALINA_OPTS}. */
        public Builder systemProperty(String key, String value) {
            put(systemProperties, key, value);
            return this;
        }

        /** A {@code <Parameter>} of the context descriptor {@code conf/Catalina/localhost/keycard.xml}. */
        public Builder contextParameter(String key, String value) {
            put(contextParameters, key, value);
            return this;
        }

        /** A line of {@code keycard.properties}. */
        public Builder property(String key, String value) {
            put(properties, key, value);
            return this;
        }

        private static void put(Map<String, String> map, String key, String value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }

        public CatalinaBase create(String name) {
            try {
                Path target = war.getParent().resolve("it");
                Files.createDirectories(target);
                Path base = Files.createTempDirectory(target, name + "-");
                for (String dir : new String[] {"bin", "conf", "logs", "temp", "webapps", "work", "keycard",
                    "conf/Catalina/localhost"}) {
                    Files.createDirectories(base.resolve(dir));
                }
                try (Stream<Path> files = Files.list(home.resolve("conf"))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, base.resolve("conf").resolve(f.getFileName()));
                    }
                }
                int port = freePort();
                Path serverXml = base.resolve("conf/server.xml");
                Files.writeString(serverXml, serverXml(Files.readString(serverXml, StandardCharsets.UTF_8), port),
                        StandardCharsets.UTF_8);
                Files.copy(war, base.resolve("webapps/keycard.war"));
                Path keycard = base.resolve("keycard");
                TestUsers.write(keycard);
                Files.writeString(keycard.resolve("keycard.properties"), properties.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining()));
                Map<String, String> exported = new LinkedHashMap<>(env);
                exported.putIfAbsent("KEYCARD_CONFIG", keycard.resolve("keycard.properties").toString());
                Files.writeString(base.resolve("bin/setenv.sh"), setenv(exported, systemProperties));
                if (!contextParameters.isEmpty()) {
                    Files.writeString(base.resolve("conf/Catalina/localhost/keycard.xml"), contextXml(contextParameters));
                }
                return new CatalinaBase(home, base, port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }

        /** The distribution's own server.xml, with the connector on 127.0.0.1:port and no shutdown port. */
        private static String serverXml(String stock, int port) {
            String shutdown = "<Server port=\"8005\"";
            String connector = "<Connector port=\"8080\" protocol=\"HTTP/1.1\"";
            if (!stock.contains(shutdown) || !stock.contains(connector)) {
                throw new IllegalStateException("unexpected conf/server.xml in the Tomcat distribution");
            }
            return stock.replace(shutdown, "<Server port=\"-1\"").replace(connector,
                    "<Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"");
        }

        private static String setenv(Map<String, String> env, Map<String, String> systemProperties) {
            StringBuilder b = new StringBuilder("# Keycard's settings, as an operator would give them\n");
            env.forEach((k, v) -> b.append("export ").append(k).append('=').append(shellQuote(v)).append('\n'));
            StringBuilder opts = new StringBuilder("-Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto");
            systemProperties.forEach((k, v) -> opts.append(" -D").append(k).append('=').append(v));
            return b.append("CATALINA_OPTS=").append(shellQuote(opts.toString())).append('\n').toString();
        }

        private static String contextXml(Map<String, String> params) {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Context>\n");
            params.forEach((k, v) -> b.append("  <Parameter name=\"").append(xml(k)).append("\" value=\"")
                    .append(xml(v)).append("\"/>\n"));
            return b.append("</Context>\n").toString();
        }

        private static String shellQuote(String v) {
            return "'" + v.replace("'", "'\\''") + "'";
        }

        private static String xml(String v) {
            return v.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        }
    }
}
