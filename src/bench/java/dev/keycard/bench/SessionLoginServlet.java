package dev.keycard.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST} opens a Tomcat HttpSession for the bench user (the HttpSession variant's stand-in for a login). */
final class SessionLoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        req.getSession(true).setAttribute(Identities.SESSION_ATTRIBUTE, BenchUsers.USER_ID);
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
