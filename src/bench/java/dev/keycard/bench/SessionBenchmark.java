package dev.keycard.bench;

import dev.keycard.core.session.IssuedTokens;
import dev.keycard.core.token.IssuedToken;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Issuing an access token, and one refresh as {@code RefreshServlet} runs it against the in-memory store. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionBenchmark {
    private Fixtures f;
    private String sessionId;
    private String refreshToken;

    @Setup
    public void setUp() {
        f = new Fixtures();
        IssuedTokens login = f.sessions.start(f.user, "jmh");
        sessionId = login.sessionId();
        refreshToken = login.refreshToken().value();
    }

    @Benchmark
    public IssuedToken issueAccessToken() {
        return f.accessTokens.issue(f.user, sessionId);
    }

    /** Verify the refresh token, rotate the session record, sign the new refresh and access tokens. */
    @Benchmark
    public IssuedTokens rotateInMemory() {
        IssuedTokens next = f.sessions.refresh(f.refreshTokens.verify(refreshToken));
        refreshToken = next.refreshToken().value();
        return next;
    }
}
