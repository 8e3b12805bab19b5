package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/auth/refresh where time matters: rotation, grace window, theft detection, expiry (embedded Tomcat). */
class RefreshHttpTest {
    private static final String CLEARED = "refreshToken=; Path=/api/auth; Max-Age=0; "
            + "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Strict";

    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refreshWhenCookieCurrentThenNewAccessTokenAndRotatedCookie() {
        Response login = api.loginUser();
        String r0 = Api.refreshToken(login);
        server.clock().advance(Duration.ofMinutes(1));
        Response r = api.refresh(r0);
        r.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900));
        String r1 = Api.refreshToken(r);
        assertNotEquals(r0, r1);
        assertEquals("refreshToken=" + r1 + "; Path=/api/auth; Max-Age=604800; Secure; HttpOnly; SameSite=Strict",
                Api.refreshSetCookies(r).get(0));
        api.profile(Api.accessToken(r)).then().statusCode(200).body("userId", equalTo("u-user"));
    }

    @Test
    void refreshWhenSpentTokenWithinGraceThenSameSuccessorByteForByte() {
        String r0 = Api.refreshToken(api.loginUser());
        Response first = api.refresh(r0);
        server.clock().advance(Duration.ofSeconds(9));
        Response again = api.refresh(r0);
        again.then().statusCode(200);
        assertEquals(Api.refreshSetCookies(first), Api.refreshSetCookies(again), "identical Set-Cookie header");
        assertNotEquals(Api.accessToken(first), Api.accessToken(again), "a fresh access token each time");
        api.profile(Api.accessToken(again)).then().statusCode(200);
        // the successor is still the live token: the grace answer did not fork the session
        api.refresh(Api.refreshToken(first)).then().statusCode(200);
    }

    @Test
    void refreshWhenSpentTokenAfterGraceThenTheftRevokesWholeSession() {
        String r0 = Api.refreshToken(api.loginUser());
        server.clock().advance(Duration.ofMinutes(1));
        String r1 = Api.refreshToken(api.refresh(r0));
        server.clock().advance(Duration.ofSeconds(11));
        Response reuse = api.refresh(r0);
        reuse.then().statusCode(401).contentType("application/json").body("error", equalTo("invalid_token"));
        assertEquals(List.of(CLEARED), Api.refreshSetCookies(reuse));
        // the legitimate successor is now dead too
        api.refresh(r1).then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void refreshWhenOldAncestorReusedThenEveryDescendantIncludingLaterOnesIsRevoked() {
        String r0 = Api.refreshToken(api.loginUser());
        server.clock().advance(Duration.ofMinutes(1));
        String r1 = Api.refreshToken(api.refresh(r0));
        server.clock().advance(Duration.ofMinutes(1));
        String r2 = Api.refreshToken(api.refresh(r1));
        // r0 is not the token the latest rotation spent: outside any grace, it is theft
        api.refresh(r0).then().statusCode(401);
        api.refresh(r2).then().statusCode(401);
        api.refresh(r1).then().statusCode(401);
    }

    @Test
    void refreshWhenRefreshTokenExpiredThen401() {
        String r0 = Api.refreshToken(api.loginUser());
        server.clock().advance(Duration.ofDays(7).plusSeconds(31));
        api.refresh(r0).then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void refreshWhenSessionOlderThanMaxLifetimeThen401EvenIfRotatedDaily() {
        String token = Api.refreshToken(api.loginUser());
        for (int day = 0; day < 29; day++) {
            server.clock().advance(Duration.ofDays(1));
            token = Api.refreshToken(api.refresh(token));
        }
        server.clock().advance(Duration.ofDays(1).plusSeconds(31));
        api.refresh(token).then().statusCode(401);
    }
}
