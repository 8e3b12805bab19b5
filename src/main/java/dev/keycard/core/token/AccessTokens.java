package dev.keycard.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Issues and verifies access tokens: HS256 with {@code ACCESS_SECRET}, header {@code typ: at+jwt}, pinned
 * algorithm, issuer, audience, and {@code exp}/{@code nbf}/{@code iat} checked against the injected clock with the
 * configured skew. Verification touches no store. Built once; thread-safe.
 */
public final class AccessTokens {
    /** Header {@code typ} of access tokens (RFC 9068). */
    public static final String TYPE = "at+jwt";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;
    private final IdGenerator ids;

    public AccessTokens(KeycardConfig config, Clock clock, IdGenerator ids) {
        this.algorithm = Algorithm.HMAC256(config.accessSecret().bytes());
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.ttl = config.accessTtl();
        this.clock = clock;
        this.ids = ids;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaimPresence("exp")
                .withClaimPresence("sub")
                .withClaimPresence("sid")
                .acceptLeeway(config.clockSkew().toSeconds()))
                .build(clock);
    }

    /** Signs a new access token for {@code user} in session {@code sessionId}. */
    public IssuedToken issue(User user, String sessionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(ttl);
        String token = JWT.create()
                .withHeader(Map.of("typ", TYPE))
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(user.id())
                .withClaim("sid", sessionId)
                .withClaim("email", user.email())
                .withClaim("roles", user.roles())
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(exp))
                .withJWTId(ids.next())
                .sign(algorithm);
        return new IssuedToken(token, exp);
    }

    /** Verifies {@code token} and returns its claims, or throws {@link InvalidTokenException}. */
    public AccessClaims verify(String token) {
        TokenFormat.requireCompactJws(token);
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException(Reasons.of(e), e);
        }
        TokenFormat.requireType(jwt, TYPE);
        TokenFormat.requireNumericDates(jwt, "exp", "nbf", "iat");
        String sid = TokenFormat.requireText(jwt, "sid");
        List<String> roles;
        try {
            roles = jwt.getClaim("roles").isMissing() ? List.of() : jwt.getClaim("roles").asList(String.class);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException("The token's roles claim is malformed", e);
        }
        if (roles == null || roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidTokenException("The token's roles claim is malformed");
        }
        return new AccessClaims(TokenFormat.requireText(jwt, "sub"), sid, jwt.getClaim("email").asString(), roles,
                jwt.getExpiresAtAsInstant());
    }

    /** Lifetime of new access tokens. */
    public Duration ttl() {
        return ttl;
    }
}
