package dev.keycard.web;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.keycard.bench.Fixtures;
import dev.keycard.core.token.AccessTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link JwtAuthFilter} does per request (Authorization header of a real Tomcat request, through
 * {@link BearerTokenResolver} and {@link AccessTokens#verify}, to a {@link KeycardPrincipal}) against a bare
 * java-jwt {@link JWTVerifier#verify} of the same token. Lives in Keycard's web package to reach the resolver.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VerifyPathBenchmark {
    private final BearerTokenResolver resolver = new BearerTokenResolver();
    private AccessTokens accessTokens;
    private JWTVerifier bare;
    private JWTVerifier sameChecks;
    private HttpServletRequest request;
    private String token;

    @Setup
    public void setUp() {
        Fixtures f = new Fixtures();
        accessTokens = f.accessTokens;
        token = accessTokens.issue(f.user, f.ids.next()).value();
        Algorithm hs256 = Algorithm.HMAC256(f.accessSecret.getBytes(StandardCharsets.UTF_8));
        bare = JWT.require(hs256).build();
        sameChecks = JWT.require(hs256).withIssuer(f.config.issuer()).withAudience(f.config.audience())
                .withClaimPresence("exp").withClaimPresence("sub").withClaimPresence("sid")
                .acceptLeeway(f.config.clockSkew().toSeconds()).build();
        org.apache.coyote.Request coyote = new org.apache.coyote.Request();
        coyote.getMimeHeaders().addValue("Authorization").setString("Bearer " + token);
        request = new Request(new Connector(), coyote);
    }

    /** Header to principal, as the filter runs it. */
    @Benchmark
    public KeycardPrincipal keycardVerifyPath() {
        return new KeycardPrincipal(accessTokens.verify(resolver.resolve(request)));
    }

    /** The first half of the path alone: Authorization header to token string. */
    @Benchmark
    public String resolveHeader() {
        return resolver.resolve(request);
    }

    /** The second half alone: token string to verified claims. */
    @Benchmark
    public Object accessTokensVerify() {
        return accessTokens.verify(token);
    }

    /** java-jwt alone: signature and the default time checks. */
    @Benchmark
    public DecodedJWT javaJwtVerify() {
        return bare.verify(token);
    }

    /** java-jwt configured with the checks Keycard's verifier makes (issuer, audience, required claims). */
    @Benchmark
    public DecodedJWT javaJwtVerifySameChecks() {
        return sameChecks.verify(token);
    }
}
