package dev.keycard.web;

import dev.keycard.core.token.InvalidTokenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request (RFC 6750 section 2.1): exactly one {@code Authorization} header, scheme
 * {@code Bearer} in any case, one or more spaces or tabs, one token68. Never reads the query string, a form body or
 * a cookie. Thread-safe.
 */
final class BearerTokenResolver {
    private static final Pattern BEARER = Pattern.compile("(?i)bearer[ \\t]+([A-Za-z0-9._~+/-]+=*)[ \\t]*");

    /** The token, or {@code null} when the request carries no Authorization header at all. */
    String resolve(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            // which one would a proxy or a log have looked at? refuse rather than pick one
            throw new InvalidTokenException("Send exactly one Authorization header");
        }
        Matcher m = BEARER.matcher(headers.get(0).strip());
        if (!m.matches()) {
            throw new InvalidTokenException("The Authorization header must be: Bearer <token>");
        }
        return m.group(1);
    }
}
