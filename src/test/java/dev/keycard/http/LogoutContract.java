package dev.keycard.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keycard.testing.TestUsers;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logout, logout-all and the sessions list over HTTP; part of the {@link ContractSuite}. */
abstract class LogoutContract extends Contract {

    @Test
    void logoutWhenCookieValidThenSessionRevokedAndCookieCleared() {
        String r0 = Api.refreshToken(api.loginUser());
        Response r = api.logout(r0);
        r.then().statusCode(204).header("Cache-Control", "no-store").contentType("application/json");
        assertEquals(List.of(cleared()), Api.refreshSetCookies(r));
        Response replay = api.refresh(r0);
        replay.then().statusCode(401).body("error", equalTo("invalid_token"));
        assertEquals(List.of(cleared()), Api.refreshSetCookies(replay), "no new token, only clearing");
    }

    @Test
    void logoutWhenNoCookieOrAlreadyRevokedOrGarbageThen204() {
        String r0 = Api.refreshToken(api.loginUser());
        api.logout(r0).then().statusCode(204);
        api.logout(r0).then().statusCode(204);
        api.logout(null).then().statusCode(204);
        api.logout("garbage").then().statusCode(204);
    }

    @Test
    void logoutWhenOneSessionEndsThenOtherSessionsOfTheUserLive() {
        String s1 = Api.refreshToken(api.loginUser());
        String s2 = Api.refreshToken(api.loginUser());
        api.logout(s1).then().statusCode(204);
        api.refresh(s2).then().statusCode(200);
    }

    @Test
    void logoutAllWhenAccessTokenValidThenEverySessionOfUserRevokedAndOthersUntouched() {
        Response a = api.loginUser();
        String s2 = Api.refreshToken(api.loginUser());
        String admin = Api.refreshToken(api.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD));
        Response r = api.request().header("Authorization", "Bearer " + Api.accessToken(a))
                .post("/api/auth/logout-all");
        r.then().statusCode(204);
        assertEquals(List.of(cleared()), Api.refreshSetCookies(r));
        api.refresh(Api.refreshToken(a)).then().statusCode(401);
        api.refresh(s2).then().statusCode(401);
        api.refresh(admin).then().statusCode(200);
    }

    @Test
    void logoutAllWhenNoAccessTokenThen401() {
        api.request().post("/api/auth/logout-all").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"keycard\"");
    }

    @Test
    void sessionsWhenListedThenLiveSessionsWithCurrentFlag() {
        Response mine = api.request().header("User-Agent", "KeycardTest/1.0").contentType("application/json")
                .body("{\"email\":\"admin@example.test\",\"password\":\"admin-password-1\"}").post("/api/login");
        Response other = api.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        String access = Api.accessToken(mine);
        Response list = api.request().header("Authorization", "Bearer " + access).get("/api/auth/sessions");
        list.then().statusCode(200).contentType("application/json");
        List<java.util.Map<String, Object>> sessions = list.jsonPath().getList("$");
        long current = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).count();
        assertEquals(1, current);
        java.util.Map<String, Object> me = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current")))
                .findFirst().orElseThrow();
        assertEquals("KeycardTest/1.0", me.get("userAgent"));
        assertEquals(java.time.Instant.parse((String) me.get("createdAt")).toString(), me.get("createdAt"));

        String otherId = api.request().header("Authorization", "Bearer " + Api.accessToken(other))
                .get("/api/auth/sessions").jsonPath().getString("find { it.current }.id");
        assertEquals(1, sessions.stream().filter(s -> otherId.equals(s.get("id"))).count(), "both are listed");
        api.request().header("Authorization", "Bearer " + access).delete("/api/auth/sessions/" + otherId)
                .then().statusCode(204);
        api.refresh(Api.refreshToken(other)).then().statusCode(401);
        api.request().header("Authorization", "Bearer " + access).delete("/api/auth/sessions/" + otherId)
                .then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void sessionsWhenDeletingAnotherUsersSessionThen404LikeAMissingOne() {
        Response victim = api.loginUser();
        String victimSession = api.request().header("Authorization", "Bearer " + Api.accessToken(victim))
                .get("/api/auth/sessions").jsonPath().getString("find { it.current }.id");
        String attacker = Api.accessToken(api.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD));
        Response foreign = api.request().header("Authorization", "Bearer " + attacker)
                .delete("/api/auth/sessions/" + victimSession);
        Response missing = api.request().header("Authorization", "Bearer " + attacker)
                .delete("/api/auth/sessions/does-not-exist");
        foreign.then().statusCode(404);
        assertEquals(missing.asString(), foreign.asString());
        api.refresh(Api.refreshToken(victim)).then().statusCode(200);
    }
}
