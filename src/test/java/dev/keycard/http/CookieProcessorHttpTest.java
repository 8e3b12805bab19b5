package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import java.util.List;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The refresh cookie's attributes do not depend on the container's cookie defaults: with Tomcat's
 * {@code sameSiteCookies} set to lax, none or left unset, every Set-Cookie for the refresh cookie is the same,
 * with exactly one {@code SameSite=Strict}.
 */
class CookieProcessorHttpTest {
    private static final String CLEARED = "refreshToken=; Path=/api/auth; Max-Age=0; "
            + "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Strict";

    @ParameterizedTest
    @ValueSource(strings = {"unset", "lax", "none", "strict"})
    void refreshCookieWhenContainerSameSiteDefaultVariesThenAttributesIdentical(String sameSiteCookies) {
        TestServer.Builder b = TestServer.builder();
        if (!sameSiteCookies.equals("unset")) {
            b.customizeContext(ctx -> {
                Rfc6265CookieProcessor processor = new Rfc6265CookieProcessor();
                processor.setSameSiteCookies(sameSiteCookies);
                ctx.setCookieProcessor(processor);
            });
        }
        try (TestServer server = b.start()) {
            Api api = new Api(server.baseUrl());
            Response login = api.loginUser();
            String r0 = Api.refreshToken(login);
            assertEquals(List.of("refreshToken=" + r0 + "; Path=/api/auth; Max-Age=604800; Secure; HttpOnly; "
                    + "SameSite=Strict"), Api.refreshSetCookies(login));
            Response refresh = api.refresh(r0);
            String r1 = Api.refreshToken(refresh);
            assertEquals(List.of("refreshToken=" + r1 + "; Path=/api/auth; Max-Age=604800; Secure; HttpOnly; "
                    + "SameSite=Strict"), Api.refreshSetCookies(refresh));
            assertEquals(List.of(CLEARED), Api.refreshSetCookies(api.refresh("x")));
            assertEquals(List.of(CLEARED), Api.refreshSetCookies(api.logout(r1)));
            assertEquals(List.of(CLEARED), Api.refreshSetCookies(api.refresh(r1)));
        }
    }
}
