package dev.keycard.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.keycard.core.config.KeycardConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Issues and verifies refresh tokens: HS256 with {@code REFRESH_SECRET} (never the access secret), header
 * {@code typ: rt+jwt}. Issuing is a pure function of its arguments (HMAC is deterministic), which is what lets a
 * refresh inside the reuse grace window re-issue the very same successor token. Thread-safe.
 */
public final class RefreshTokens {
    /** Header {@code typ} of refresh tokens. */
    public static final String TYPE = "rt+jwt";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final String issuer;

    public RefreshTokens(KeycardConfig config, Clock clock) {
        this.algorithm = Algorithm.HMAC256(config.refreshSecret().bytes());
        this.issuer = config.issuer();
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withAudience(issuer)
                .withClaimPresence("exp")
                .withClaimPresence("sub")
                .withClaimPresence("sid")
                .withClaimPresence("jti")
                .acceptLeeway(config.clockSkew().toSeconds()))
                .build(clock);
    }

    /** Signs the refresh token with exactly these claims; the same arguments always give the same token. */
    public IssuedToken issue(String userId, String sessionId, String tokenId, Instant issuedAt, Instant expiresAt) {
        String token = JWT.create()
                .withHeader(Map.of("typ", TYPE))
                .withIssuer(issuer)
                .withAudience(issuer)
                .withSubject(userId)
                .withClaim("sid", sessionId)
                .withJWTId(tokenId)
                .withIssuedAt(Date.from(issuedAt))
                .withExpiresAt(Date.from(expiresAt))
                .sign(algorithm);
        return new IssuedToken(token, expiresAt);
    }

    /** Verifies {@code token} and returns its claims, or throws {@link InvalidTokenException}. */
    public RefreshClaims verify(String token) {
        TokenFormat.requireCompactJws(token);
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException(Reasons.of(e), e);
        }
        TokenFormat.requireStrictJson(jwt);
        TokenFormat.requireType(jwt, TYPE);
        return new RefreshClaims(TokenFormat.requireText(jwt, "sub"), TokenFormat.requireText(jwt, "sid"),
                TokenFormat.requireText(jwt, "jti"), jwt.getExpiresAtAsInstant());
    }
}
