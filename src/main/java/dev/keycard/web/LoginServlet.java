package dev.keycard.web;

import dev.keycard.core.session.Sessions;
import dev.keycard.core.throttle.GuardedLogin;
import dev.keycard.core.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /api/login}: checks email and password, starts a session, answers with an access token and sets
 * the refresh cookie. Unknown email, wrong password and disabled account give the same answer; spent failure
 * budgets (429) and a full set of password-check slots (503) are refused before any password work.
 */
public final class LoginServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient OriginCheck originCheck;
    private final transient LoginRequestReader reader;
    private final transient GuardedLogin login;
    private final transient Sessions sessions;
    private final transient TokenResponses responses;

    LoginServlet(Json json, OriginCheck originCheck, LoginRequestReader reader, GuardedLogin login,
                 Sessions sessions, TokenResponses responses) {
        super(json, "POST");
        this.originCheck = originCheck;
        this.reader = reader;
        this.login = login;
        this.sessions = sessions;
        this.responses = responses;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        originCheck.verify(req);
        LoginRequestReader.LoginRequest credentials = reader.read(req);
        // the peer's address, unless Tomcat's RemoteIpValve/RemoteIpFilter replaced it for a trusted proxy
        User user = login.authenticate(credentials.email(), credentials.password(), req.getRemoteAddr());
        responses.write(resp, sessions.start(user, req.getHeader("User-Agent")));
    }
}
