package dev.keycard.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.keycard.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JwtAuthFilter over HTTP on embedded Tomcat: what an application servlet sees, and token times against a moved
 * clock. The clock-independent checks of protected endpoints are in {@link ProfileContract}.
 */
class JwtAuthFilterHttpTest {
    private static TestServer server;
    private static Api api;

    /** An application servlet that knows nothing of Keycard: it uses only the Servlet API. */
    static final class WhoAmIServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("principal=" + req.getUserPrincipal().getName()
                    + ";remoteUser=" + req.getRemoteUser()
                    + ";authType=" + req.getAuthType()
                    + ";user=" + req.isUserInRole("user")
                    + ";admin=" + req.isUserInRole("admin"));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.builder().servlet("whoami", new WhoAmIServlet(), "/api/whoami").start();
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servletApiWhenTokenValidThenPrincipalRemoteUserRolesAndAuthType() {
        String token = Api.accessToken(api.loginUser());
        api.request().header("Authorization", "Bearer " + token).get("/api/whoami").then().statusCode(200)
                .body(equalTo("principal=u-user;remoteUser=u-user;authType=Bearer;user=true;admin=false"));
        String admin = Api.accessToken(api.login(dev.keycard.testing.TestUsers.ADMIN_EMAIL,
                dev.keycard.testing.TestUsers.ADMIN_PASSWORD));
        api.request().header("Authorization", "Bearer " + admin).get("/api/whoami").then().statusCode(200)
                .body(containsString("admin=true"));
    }

    @Test
    void applicationServletWhenNoTokenThen401AndServletNeverRuns() {
        api.request().get("/api/whoami").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"keycard\"")
                .contentType("application/json").body("error", equalTo("invalid_token"));
    }

    @Test
    void profileWhenTokenExpiredBeyondSkewThen401AndWithinSkewThen200() {
        String token = Api.accessToken(api.loginUser());
        server.clock().advance(Duration.ofMinutes(15).plusSeconds(29));
        api.profile(token).then().statusCode(200);
        server.clock().advance(Duration.ofSeconds(2));
        api.profile(token).then().statusCode(401).body("error_description", equalTo("The token has expired"));
    }

    @Test
    void profileWhenTokenIssuedInTheFutureBeyondSkewThen401() {
        server.clock().advance(Duration.ofMinutes(1));
        String token = Api.accessToken(api.loginUser());
        server.clock().advance(Duration.ofSeconds(-31));
        api.profile(token).then().statusCode(401);
        server.clock().advance(Duration.ofSeconds(31));
        api.profile(token).then().statusCode(200);
    }
}
