package dev.keycard.server;

import dev.keycard.web.KeycardBootstrap;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Keycard on embedded Tomcat: serves a Keycard web application (the built WAR, or the {@code webapp/} folder in
 * development and tests) with its own {@code web.xml}, exactly as a standalone Tomcat would. Used by the launcher
 * and by tests, which can hand the application a {@link Clock} and settings as context parameters.
 */
public final class KeycardServer implements AutoCloseable {
    /** The connector's limit on the request header section (Tomcat's default is 8 KiB). */
    public static final int MAX_HTTP_HEADER_SIZE = 32 * 1024;

    private final Tomcat tomcat;
    private final Context context;

    private KeycardServer(Tomcat tomcat, Context context) {
        this.tomcat = tomcat;
        this.context = context;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the connector listens on (the real one when started on port 0). */
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /** {@code http://127.0.0.1:<port><context path>/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + context.getPath() + "/");
    }

    public String contextPath() {
        return context.getPath();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        }
    }

    /** Blocks until the server is stopped. */
    public void await() {
        tomcat.getServer().await();
    }

    /** Configures and starts a {@link KeycardServer}. Not thread-safe. */
    public static final class Builder {
        private String address = "127.0.0.1";
        private int port = 8080;
        private String contextPath = "";
        private Path webapp;
        private Path baseDir;
        private Clock clock;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private String remoteIpHeader;
        private java.util.function.Consumer<Context> contextCustomizer = ctx -> { };
        private final Map<String, Map.Entry<Servlet, String>> servlets = new LinkedHashMap<>();

        private Builder() {
        }

        /** Interface to listen on; {@code 0.0.0.0} for every interface. Default 127.0.0.1. */
        public Builder address(String address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Port to listen on; 0 picks a free one. Default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** Context path, {@code ""} for the root or e.g. {@code "/keycard"}. */
        public Builder contextPath(String contextPath) {
            if (!contextPath.isEmpty() && (!contextPath.startsWith("/") || contextPath.endsWith("/"))) {
                throw new IllegalArgumentException("context path must be empty or like /keycard");
            }
            this.contextPath = contextPath;
            return this;
        }

        /** The web application: a WAR file or an exploded folder such as {@code webapp/}. */
        public Builder webapp(Path webapp) {
            this.webapp = webapp;
            return this;
        }

        /** Tomcat's work folder; a new temporary one by default. */
        public Builder baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        /** The clock Keycard uses (a context attribute read by {@link KeycardBootstrap}). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A Keycard setting passed as a servlet context parameter, e.g. {@code keycard.access.ttl}. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * Adds an application servlet next to Keycard's own, e.g. an API under {@code /api/*} that
         * {@link dev.keycard.web.JwtAuthFilter} guards and that reads the user through the Servlet API.
         */
        public Builder servlet(String name, Servlet servlet, String urlPattern) {
            servlets.put(name, Map.entry(servlet, urlPattern));
            return this;
        }

        /**
         * Trusts {@code header} (e.g. {@code X-Forwarded-For}) for the client address, through Tomcat's
         * {@link RemoteIpValve}, when the request comes from an internal proxy (loopback and private addresses, the
         * valve's default). Off by default: the client address is the connection's peer.
         */
        /**
         * Adjusts the Tomcat context before it starts, for what this builder has no option for (a cookie
         * processor, an extra filter or valve).
         */
        public Builder customizeContext(java.util.function.Consumer<Context> customizer) {
            this.contextCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        public Builder remoteIpHeader(String header) {
            this.remoteIpHeader = Objects.requireNonNull(header, "header");
            return this;
        }

        public KeycardServer start() throws IOException {
            Objects.requireNonNull(webapp, "webapp");
            Path base = baseDir != null ? baseDir : Files.createTempDirectory("keycard-tomcat");
            Files.createDirectories(base.resolve("webapps"));
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            Connector connector = tomcat.getConnector();
            connector.setPort(port);
            connector.setProperty("address", address);
            tomcat.getHost().setAutoDeploy(false);
            // requests Tomcat refuses before the web application sees them get a JSON error, not an HTML page;
            // headers up to MAX_HTTP_HEADER_SIZE reach Keycard, which answers an oversize token with its own 401
            connector.setProperty("maxHttpHeaderSize", Integer.toString(MAX_HTTP_HEADER_SIZE));
            ((org.apache.catalina.core.StandardHost) tomcat.getHost())
                    .setErrorReportValveClass(KeycardErrorReportValve.class.getName());

            tomcat.setAddDefaultWebXmlToWebapp(false);
            Context ctx = tomcat.addWebapp(contextPath, webapp.toAbsolutePath().toString());
            StandardJarScanner scanner = (StandardJarScanner) ctx.getJarScanner();
            scanner.setScanClassPath(false);
            scanner.setScanManifest(false);
            Tomcat.addServlet(ctx, "default", new DefaultServlet());
            ctx.addServletMappingDecoded("/", "default");
            Tomcat.addDefaultMimeTypeMappings(ctx);
            contextCustomizer.accept(ctx);
            if (remoteIpHeader != null) {
                RemoteIpValve remoteIp = new RemoteIpValve();
                remoteIp.setRemoteIpHeader(remoteIpHeader);
                ctx.getPipeline().addValve(remoteIp);
            }
            settings.forEach(ctx::addParameter);
            servlets.forEach((name, s) -> {
                Tomcat.addServlet(ctx, name, s.getKey());
                ctx.addServletMappingDecoded(s.getValue(), name);
            });
            if (clock != null) {
                Clock c = clock;
                ctx.addServletContainerInitializer((classes, sc) -> sc.setAttribute(KeycardBootstrap.CLOCK_ATTRIBUTE, c), null);
            }
            try {
                tomcat.start();
            } catch (LifecycleException e) {
                throw new IllegalStateException("Tomcat did not start", e);
            }
            if (connector.getState() != LifecycleState.STARTED) {
                stopQuietly(tomcat);
                throw new IllegalStateException("Keycard did not start: cannot listen on " + address + ":" + port
                        + " (is the port in use? choose another with --port)");
            }
            if (ctx.getState() != LifecycleState.STARTED) {
                stopQuietly(tomcat);
                throw new IllegalStateException("Keycard did not start; the log above says why");
            }
            return new KeycardServer(tomcat, ctx);
        }

        private static void stopQuietly(Tomcat tomcat) {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                // already failing; the caller reports the cause that matters
            }
        }
    }
}
