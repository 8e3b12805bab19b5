package dev.keycard.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * Another service, not Keycard: a plain embedded Tomcat with one servlet that accepts Keycard's RS256 access
 * tokens knowing only Keycard's JWKS URL, issuer and audience (no secret, no Keycard class). {@code GET /} answers
 * 200 {@code subject=<sub>} for a valid bearer token and 401 otherwise. This is the whole recipe another Java
 * service needs: java-jwt, a key provider that reads the JWK set, and the same checks Keycard makes.
 */
public final class JwksResourceServer implements AutoCloseable {
    private final Tomcat tomcat;
    private final JwksKeyProvider keys;

    private JwksResourceServer(Tomcat tomcat, JwksKeyProvider keys) {
        this.tomcat = tomcat;
        this.keys = keys;
    }

    public static JwksResourceServer start(URI jwksUri, String issuer, String audience, Clock clock) {
        JwksKeyProvider keys = new JwksKeyProvider(jwksUri, clock);
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.RSA256(keys))
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaimPresence("exp")
                .withClaimPresence("sub")
                .acceptLeeway(30))
                .build(clock);
        try {
            Path base = Files.createTempDirectory("resource-server");
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            tomcat.getConnector().setPort(0);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            Context ctx = tomcat.addContext("", base.toString());
            Tomcat.addServlet(ctx, "resource", new ResourceServlet(verifier));
            ctx.addServletMappingDecoded("/", "resource");
            tomcat.start();
            return new JwksResourceServer(tomcat, keys);
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("resource server did not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    /** How often the JWK set was fetched: keys are cached, not fetched per request. */
    public int jwksFetches() {
        return keys.fetches();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The protected resource: the token's subject for a valid Keycard access token, else 401. */
    static final class ResourceServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient JWTVerifier verifier;

        ResourceServlet(JWTVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String header = req.getHeader("Authorization");
            resp.setContentType("text/plain");
            resp.setCharacterEncoding("UTF-8");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                deny(resp);
                return;
            }
            DecodedJWT jwt;
            try {
                jwt = verifier.verify(header.substring(7).trim());
            } catch (JWTVerificationException e) {
                deny(resp);
                return;
            }
            if (!"at+jwt".equals(jwt.getType())) { // an access token, not some other JWT of the same issuer
                deny(resp);
                return;
            }
            resp.getWriter().print("subject=" + jwt.getSubject());
        }

        private static void deny(HttpServletResponse resp) throws IOException {
            resp.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            resp.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            resp.getWriter().print("unauthorized");
        }
    }
}
