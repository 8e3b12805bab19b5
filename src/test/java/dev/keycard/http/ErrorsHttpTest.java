package dev.keycard.http;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the container would otherwise answer in HTML becomes contract JSON; health. */
class ErrorsHttpTest {
    private static TestServer server;
    private static Api api;

    /** A defect in an application servlet: the client must still get JSON and no stack trace. */
    static final class FailingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("boom at com.example.Secret");
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.builder().servlet("failing", new FailingServlet(), "/api/failing").start();
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertJsonError(Response r, int status, String code) {
        r.then().statusCode(status).contentType("application/json")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .body("error", equalTo(code))
                .body(allOf(not(containsString("<html")), not(containsString("Exception")),
                        not(containsString("Tomcat")), not(containsString("at com."))));
    }

    @Test
    void unknownApiPathThen404JsonWithToken() {
        String token = Api.accessToken(api.loginUser());
        assertJsonError(api.request().header("Authorization", "Bearer " + token).get("/api/nope"), 404, "not_found");
        assertJsonError(api.request().header("Authorization", "Bearer " + token).post("/api/nope/deeper"), 404,
                "not_found");
    }

    @Test
    void unknownPathOutsideApiThen404Json() {
        assertJsonError(api.request().get("/definitely/not/here"), 404, "not_found");
    }

    @Test
    void wrongMethodThen405JsonWithAllow() {
        Response r = api.request().get("/api/auth/refresh");
        assertJsonError(r, 405, "method_not_allowed");
        r.then().header("Allow", "POST");
        api.request().post("/api/health").then().statusCode(405).header("Allow", "GET, HEAD");
        api.request().get("/api/auth/logout").then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void uncaughtErrorThen500JsonWithoutDetails() {
        String token = Api.accessToken(api.loginUser());
        assertJsonError(api.request().header("Authorization", "Bearer " + token).get("/api/failing"), 500,
                "server_error");
    }

    @Test
    void healthThenUp() {
        api.request().get("/api/health").then().statusCode(200).contentType("application/json")
                .body("status", equalTo("UP"));
    }

    @Test
    void pageServedWithStrictSecurityHeaders() {
        api.request().get("/").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("frame-ancestors 'none'"), containsString("base-uri 'none'"),
                        containsString("object-src 'none'"), not(containsString("unsafe-inline"))))
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff");
    }
}
