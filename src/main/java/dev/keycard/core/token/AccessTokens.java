package dev.keycard.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.keycard.core.IdGenerator;
import dev.keycard.core.config.KeycardConfig;
import dev.keycard.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues and verifies access tokens: signed with the current key of {@link SigningKeys} (HS256 with
 * {@code ACCESS_SECRET} by default, or RS256/ES256 from key files), header {@code typ: at+jwt} and the key's
 * {@code kid}; verified with the key the {@code kid} names among the configured ones (an unknown or missing
 * {@code kid} is refused), pinned algorithm, issuer, audience, and {@code exp}/{@code nbf}/{@code iat} checked
 * against the injected clock with the configured skew. Verification touches no store and uses one verifier per
 * key, built once. Thread-safe.
 */
public final class AccessTokens {
    /** Header {@code typ} of access tokens (RFC 9068). */
    public static final String TYPE = "at+jwt";

    private final Algorithm algorithm;
    private final String keyId;
    private final Map<String, JWTVerifier> verifiers;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;
    private final IdGenerator ids;

    /** Loads the signing keys {@code config} names (see {@link SigningKeys#load}). */
    public AccessTokens(KeycardConfig config, Clock clock, IdGenerator ids) {
        this(config, SigningKeys.load(config), clock, ids);
    }

    public AccessTokens(KeycardConfig config, SigningKeys keys, Clock clock, IdGenerator ids) {
        this.algorithm = keys.signer();
        this.keyId = keys.currentKeyId();
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.ttl = config.accessTtl();
        this.clock = clock;
        this.ids = ids;
        Map<String, JWTVerifier> byId = new HashMap<>();
        keys.verifiers().forEach((kid, alg) -> byId.put(kid, ((JWTVerifier.BaseVerification) JWT.require(alg)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaimPresence("exp")
                .withClaimPresence("sub")
                .withClaimPresence("sid")
                .acceptLeeway(config.clockSkew().toSeconds()))
                .build(clock)));
        this.verifiers = Map.copyOf(byId);
    }

    /** Signs a new access token for {@code user} in session {@code sessionId}. */
    public IssuedToken issue(User user, String sessionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(ttl);
        String token = JWT.create()
                .withHeader(Map.of("typ", TYPE))
                .withKeyId(keyId)
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
            DecodedJWT unverified = JWT.decode(token);
            jwt = verifierFor(unverified).verify(unverified);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException(Reasons.of(e), e);
        }
        TokenFormat.requireStrictJson(jwt);
        TokenFormat.requireType(jwt, TYPE);
        String sid = TokenFormat.requireText(jwt, "sid");
        List<String> roles;
        try {
            Claim claim = jwt.getClaim("roles");
            roles = claim.isMissing() ? List.of() : claim.asList(String.class);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException("The token's roles claim is malformed", e);
        }
        if (roles == null || roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidTokenException("The token's roles claim is malformed");
        }
        return new AccessClaims(TokenFormat.requireText(jwt, "sub"), sid, jwt.getClaim("email").asString(), roles,
                jwt.getExpiresAtAsInstant());
    }

    /** The prebuilt verifier of the key the (not yet verified) token names; a missing or unknown kid is refused. */
    private JWTVerifier verifierFor(DecodedJWT unverified) {
        String kid = unverified.getKeyId();
        JWTVerifier v = kid == null ? null : verifiers.get(kid);
        if (v == null) {
            throw new InvalidTokenException(kid == null ? "The token names no signing key"
                    : "The token's signing key is not known");
        }
        return v;
    }

    /** Lifetime of new access tokens. */
    public Duration ttl() {
        return ttl;
    }
}
