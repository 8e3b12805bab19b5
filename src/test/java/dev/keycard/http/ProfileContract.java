package dev.keycard.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** GET /api/profile through JwtAuthFilter: bearer token rules and challenges. Part of the {@link ContractSuite}. */
abstract class ProfileContract extends Contract {
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
    void profileWhenTwoAuthorizationHeadersThen400() {
        String token = Api.accessToken(api.loginUser());
        api.request().header("Authorization", "Bearer " + token).header("Authorization", "Bearer garbage")
                .get("/api/profile").then().statusCode(400).body("error", equalTo("invalid_request"));
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
