package dev.keycard.core.session;

import dev.keycard.core.token.IssuedToken;

/** The pair a login or refresh hands out: a new access token and the session's current refresh token. */
public record IssuedTokens(IssuedToken accessToken, IssuedToken refreshToken, String sessionId) {
}
