package dev.keycard.web;

import dev.keycard.core.session.IssuedTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a login or refresh success: the access token as JSON and the refresh token as the cookie. Thread-safe. */
final class TokenResponses {
    private final Json json;
    private final RefreshCookie cookie;
    private final long expiresIn;

    TokenResponses(Json json, RefreshCookie cookie, Duration accessTtl) {
        this.json = json;
        this.cookie = cookie;
        this.expiresIn = accessTtl.toSeconds();
    }

    void write(HttpServletResponse resp, IssuedTokens tokens) throws IOException {
        cookie.set(resp, tokens.refreshToken().value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", tokens.accessToken().value());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", expiresIn);
        json.write(resp, HttpServletResponse.SC_OK, body);
    }
}
