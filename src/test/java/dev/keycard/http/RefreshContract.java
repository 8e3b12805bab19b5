package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST /api/auth/refresh without moving the clock; part of the {@link ContractSuite}. */
abstract class RefreshContract extends Contract {
    @Test
    void refreshWhenCookieCurrentThenNewAccessTokenAndRotatedCookieScopedToContextPath() {
        Response login = api.loginUser();
        String r0 = Api.refreshToken(login);
        Response r = api.refresh(r0);
        r.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900));
        String r1 = Api.refreshToken(r);
        assertNotEquals(r0, r1);
        assertEquals("refreshToken=" + r1 + "; Path=" + cookiePath() + "; Max-Age=604800; Secure; HttpOnly; SameSite=Strict",
                Api.refreshSetCookies(r).get(0));
        api.profile(Api.accessToken(r)).then().statusCode(200).body("userId", equalTo("u-user"));
    }

    @Test
    void refreshWhenGraceTokenReplayedAfterSuccessorRotatedThenTheft() {
        String r0 = Api.refreshToken(api.loginUser());
        String r1 = Api.refreshToken(api.refresh(r0));
        String r2 = Api.refreshToken(api.refresh(r1));
        // r0 was spent two rotations ago: even within seconds it is theft
        api.refresh(r0).then().statusCode(401);
        api.refresh(r2).then().statusCode(401);
    }

    @Test
    void refreshWhenNoCookieThen401AndClearingCookie() {
        Response r = api.refresh(null);
        r.then().statusCode(401).contentType("application/json").body("error", equalTo("invalid_token"));
        assertEquals(List.of(cleared()), Api.refreshSetCookies(r));
    }

    @Test
    void refreshWhenGarbageCookieThen401AndClearingCookie() {
        Response r = api.refresh("x");
        r.then().statusCode(401).body("error", equalTo("invalid_token"));
        assertEquals(List.of(cleared()), Api.refreshSetCookies(r));
    }

    @Test
    void refreshWhenAccessTokenSentAsCookieThen401() {
        Response login = api.loginUser();
        api.refresh(Api.accessToken(login)).then().statusCode(401).body("error", equalTo("invalid_token"));
        // and the session itself is untouched
        api.refresh(Api.refreshToken(login)).then().statusCode(200);
    }

    @Test
    void profileWhenRefreshTokenSentAsBearerThen401() {
        Response login = api.loginUser();
        api.profile(Api.refreshToken(login)).then().statusCode(401).body("error", equalTo("invalid_token"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("error=\"invalid_token\""));
    }

    @Test
    void refreshWhen50ThreadsPresentTheSameCookieThenOneRotationAndEveryoneGetsTheSameSuccessor() throws Exception {
        String r0 = Api.refreshToken(api.loginUser());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/auth/refresh"))
                .header("Cookie", "refreshToken=" + r0)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        int threads = 50;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        ready.await();
        go.countDown();
        Set<String> cookies = new HashSet<>();
        Set<String> accessTokens = new HashSet<>();
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
            cookies.addAll(r.headers().allValues("Set-Cookie"));
            assertTrue(r.body().contains("\"accessToken\""));
            accessTokens.add(r.body());
        }
        pool.shutdown();
        assertEquals(1, cookies.size(), "one successor cookie for all: " + cookies);
        String successor = cookies.iterator().next();
        successor = successor.substring("refreshToken=".length(), successor.indexOf(';'));
        assertNotEquals(r0, successor);
        // the successor is live and rotates normally: exactly one rotation happened
        api.refresh(successor).then().statusCode(200);
    }
}
