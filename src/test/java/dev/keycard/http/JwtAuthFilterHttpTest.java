package dev.keycard.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JwtAuthFilter over HTTP: what protected endpoints and any downstream servlet see. */
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
    void profileWhenTokenValidThenUserFromClaims() {
        api.profile(Api.accessToken(api.loginUser())).then().statusCode(200)
                .contentType("application/json").header("Cache-Control", "no-store")
                .body("userId", equalTo("u-user")).body("email", equalTo("user@example.test"))
                .body("roles", equalTo(java.util.List.of("user")));
    }

    @Test
    void profileWhenNoTokenThenChallengeWithoutErrorCode() {
        api.request().get("/api/profile").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"keycard\"")
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void profileWhenTokenInvalidThenChallengeWithInvalidToken() {
        Response r = api.profile("abc.def.ghi");
        r.then().statusCode(401).contentType("application/json").body("error", equalTo("invalid_token"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith(
                        "Bearer realm=\"keycard\", error=\"invalid_token\", error_description=\""));
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

    @Test
    void profileWhenSchemeInAnyCaseOrExtraSpacesThenAccepted() {
        String token = Api.accessToken(api.loginUser());
        for (String header : new String[] {"bearer " + token, "BEARER " + token, "Bearer   " + token,
            "Bearer\t" + token}) {
            api.request().header("Authorization", header).get("/api/profile").then().statusCode(200);
        }
    }

    @Test
    void profileWhenOtherSchemeOrNoSpaceOrTwoTokensThen401() {
        String token = Api.accessToken(api.loginUser());
        for (String header : new String[] {"Basic dXNlcjpwdw==", "Bearer" + token, "Bearer", "Bearer a b",
            "Bearer " + token + " x", "Token " + token}) {
            api.request().header("Authorization", header).get("/api/profile").then().statusCode(401)
                    .body("error", equalTo("invalid_token"));
        }
    }

    @Test
    void profileWhenTwoAuthorizationHeadersThen401() {
        String token = Api.accessToken(api.loginUser());
        api.request().header("Authorization", "Bearer " + token).header("Authorization", "Bearer garbage")
                .get("/api/profile").then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void profileWhenTokenOnlyInQueryStringOrCookieThen401() {
        String token = Api.accessToken(api.loginUser());
        Response r = api.request().get("/api/profile?access_token=" + token);
        r.then().statusCode(401).body(not(containsString(token)));
        api.request().header("Cookie", "access_token=" + token).get("/api/profile").then().statusCode(401);
    }

    @Test
    void profileWhenTokenSignedWithRefreshSecretOrTamperedThen401() {
        String token = Api.accessToken(api.loginUser());
        String[] parts = token.split("\\.");
        String tamperedSig = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        api.profile(tamperedSig).then().statusCode(401);
        String unsigned = parts[0] + "." + parts[1] + ".";
        api.profile(unsigned).then().statusCode(401);
    }
}
