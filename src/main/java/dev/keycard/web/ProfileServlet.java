package dev.keycard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/profile} (bearer required): who the access token says the caller is. No lookup. */
public final class ProfileServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    ProfileServlet(Json json) {
        super(json, "GET");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        KeycardPrincipal p = (KeycardPrincipal) req.getUserPrincipal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", p.getName());
        body.put("email", p.email());
        body.put("roles", p.roles());
        json.write(resp, HttpServletResponse.SC_OK, body);
    }
}
