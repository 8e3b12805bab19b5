package dev.keycard.http;

import dev.keycard.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A defect in an application servlet becomes contract JSON without details (embedded Tomcat, which can host the
 * failing servlet; the other error cases are in {@link ErrorsContract}).
 */
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

    @Test
    void uncaughtErrorThen500JsonWithoutDetails() {
        String token = Api.accessToken(api.loginUser());
        ErrorsContract.assertJsonError(api.request().header("Authorization", "Bearer " + token).get("/api/failing"), 500,
                "server_error");
    }
}
