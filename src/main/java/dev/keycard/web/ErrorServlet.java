package dev.keycard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web application's error page: whatever the container answers on its own (unknown path, oversize request,
 * uncaught exception) becomes a contract JSON error, never an HTML page or a stack trace.
 */
public final class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Json json;

    ErrorServlet(Json json) {
        this.json = json;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
            // an unknown method (e.g. PROPFIND on a static file) is the client's doing, not a defect
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        ApiError error = ApiError.forStatus(status);
        String description = switch (error) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case PAYLOAD_TOO_LARGE -> "The request is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type";
            case SERVER_ERROR -> "An unexpected error occurred";
            case TEMPORARILY_UNAVAILABLE -> "The service is unavailable; try again shortly";
            default -> "The request could not be processed";
        };
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("error_description", description);
        json.write(resp, status >= 400 && status < 600 ? status : error.status(), body);
    }
}
