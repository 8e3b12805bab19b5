package dev.keycard.http;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * What the container would otherwise answer in HTML becomes contract JSON; health; the page and its security
 * headers at the context root. Part of the {@link ContractSuite}.
 */
abstract class ErrorsContract extends Contract {
    static void assertJsonError(Response r, int status, String code) {
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
