package dev.keycard.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The host's error report for what Tomcat refuses before any web application sees it (a header section beyond
 * {@code maxHttpHeaderSize}, a malformed request line, an unmapped host): a contract JSON error with the API's
 * headers instead of Tomcat's HTML page, and never a stack trace, server version or request detail. Errors inside
 * Keycard's web application are answered by its own error page and never reach this valve. The embedded server
 * installs it; a standalone Tomcat uses it as the host's {@code errorReportValveClass} with this class copied into
 * Tomcat's {@code lib/} (it depends on Tomcat alone). Thread-safe.
 */
public final class KeycardErrorReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        byte[] body = body(status).getBytes(StandardCharsets.UTF_8);
        try {
            response.resetBuffer();
            if (status == 501) {
                // an unknown transfer coding or method is the client's doing, not a defect: answer it as bad input
                response.setStatus(400);
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more can be said
            container.getLogger().debug("Could not write the JSON error report", e);
        }
    }

    static String body(int status) {
        String code;
        String description;
        if (status == 404) {
            code = "not_found";
            description = "No such resource";
        } else if (status == 405) {
            code = "method_not_allowed";
            description = "This method is not allowed here";
        } else if (status == 413) {
            code = "payload_too_large";
            description = "The request is too large";
        } else if (status == 501) {
            code = "invalid_request";
            description = "The request uses a method or transfer coding this server does not support";
        } else if (status == 503) {
            code = "temporarily_unavailable";
            description = "The service is unavailable; try again shortly";
        } else if (status >= 500) {
            code = "server_error";
            description = "An unexpected error occurred";
        } else {
            code = "invalid_request";
            description = "The request could not be processed (its headers may be too large)";
        }
        return "{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}";
    }
}
