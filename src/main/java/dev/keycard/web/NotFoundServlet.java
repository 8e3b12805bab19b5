package dev.keycard.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers every {@code /api} path that no endpoint claims with a JSON 404, whatever the method. */
public final class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Json json;

    NotFoundServlet(Json json) {
        this.json = json;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        json.error(resp, ApiError.NOT_FOUND, "No such resource");
    }
}
