package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The origin rule on state-changing endpoints (CSRF), over HTTP; part of the {@link ContractSuite}. */
abstract class OriginContract extends Contract {

    @ParameterizedTest
    @CsvSource({
        "Origin, https://evil.example.test",
        "Origin, null",
        "Sec-Fetch-Site, cross-site",
        "Referer, https://evil.example.test/x"
    })
    void refreshWhenCrossSiteThen403AndCookieStillValid(String header, String value) {
        String r0 = Api.refreshToken(api.loginUser());
        Response r = api.request().header("Cookie", "refreshToken=" + r0).header(header, value)
                .contentType("text/plain").body("{}").post("/api/auth/refresh");
        r.then().statusCode(403).contentType("application/json").body("error", equalTo("forbidden_origin"));
        assertTrue(Api.refreshSetCookies(r).isEmpty(), "no cookie change on a refused request");
        api.refresh(r0).then().statusCode(200);
    }

    @Test
    void logoutWhenCrossSiteThen403AndSessionLives() {
        String r0 = Api.refreshToken(api.loginUser());
        api.request().header("Cookie", "refreshToken=" + r0).header("Origin", "https://evil.example.test")
                .post("/api/auth/logout").then().statusCode(403);
        api.refresh(r0).then().statusCode(200);
    }

    @Test
    void loginWhenCrossSiteThen403() {
        api.request().header("Origin", "https://evil.example.test").contentType("application/json")
                .body("{\"email\":\"user@example.test\",\"password\":\"user-password-1\"}")
                .post("/api/login").then().statusCode(403).body("error", equalTo("forbidden_origin"));
    }

    @Test
    void refreshWhenOwnOriginOrConfiguredOriginOrNoOriginThen200() {
        String own = "http://127.0.0.1:" + java.net.URI.create(baseUrl()).getPort();
        String r0 = Api.refreshToken(api.loginUser());
        String r1 = Api.refreshToken(api.request().header("Cookie", "refreshToken=" + r0).header("Origin", own)
                .header("Sec-Fetch-Site", "same-origin").post("/api/auth/refresh").then().statusCode(200).extract().response());
        String r2 = Api.refreshToken(api.request().header("Cookie", "refreshToken=" + r1)
                .header("Origin", TestServer.APP_ORIGIN).post("/api/auth/refresh").then().statusCode(200).extract().response());
        api.refresh(r2).then().statusCode(200);
    }
}
