package dev.keycard.web;

import dev.keycard.core.session.Sessions;
import dev.keycard.core.user.Authenticator;
import dev.keycard.core.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /api/login}: checks email and password, starts a session, answers with an access token and sets
 * the refresh cookie. Unknown email, wrong password and disabled account give the same answer.
 */
public final class LoginServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient OriginCheck originCheck;
    private final transient LoginRequestReader reader;
    private final transient Authenticator authenticator;
    private final transient Sessions sessions;
    private final transient TokenResponses responses;

    LoginServlet(Json json, OriginCheck originCheck, LoginRequestReader reader, Authenticator authenticator,
                 Sessions sessions, TokenResponses responses) {
        super(json, "POST");
        this.originCheck = originCheck;
        this.reader = reader;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.responses = responses;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        originCheck.verify(req);
        LoginRequestReader.LoginRequest login = reader.read(req);
        User user = authenticator.authenticate(login.email(), login.password());
        responses.write(resp, sessions.start(user, req.getHeader("User-Agent")));
    }
}
