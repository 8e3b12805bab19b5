package dev.keycard.web;

import dev.keycard.core.token.InvalidTokenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/**
 * Finds the bearer token of a request (RFC 6750 section 2.1): exactly one {@code Authorization} header, scheme
 * {@code Bearer} in any case, one or more spaces or tabs, one token68. Never reads the query string, a form body or
 * a cookie. Thread-safe.
 */
final class BearerTokenResolver {
    private static final String SCHEME = "Bearer";

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
        String token = token68(headers.get(0).strip());
        if (token == null) {
            throw new InvalidTokenException("The Authorization header must be: Bearer <token>");
        }
        return token;
    }

    /** The credentials of {@code Bearer 1*SP token68}, scheme in any case, or {@code null} (a loop, not a regex: hot path). */
    private static String token68(String header) {
        int n = header.length();
        if (n < SCHEME.length() + 2 || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int i = SCHEME.length();
        if (!isSpace(header.charAt(i))) {
            return null;
        }
        while (i < n && isSpace(header.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < n && isToken68(header.charAt(i))) {
            i++;
        }
        while (i < n && header.charAt(i) == '=') {
            i++;
        }
        return i == start || i != n ? null : header.substring(start, n);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isToken68(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
