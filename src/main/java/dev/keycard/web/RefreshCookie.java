package dev.keycard.web;

import dev.keycard.core.token.InvalidTokenException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * The one place the refresh cookie's attributes are set and read: name, path (under the context path), Max-Age,
 * Secure, HttpOnly and SameSite, all explicit, so the result does not depend on the container's cookie defaults.
 * Name, path and SameSite are validated by the configuration; the value is checked to be a compact JWT. Reading refuses ambiguity: two cookies of that name with different values are no cookie.
 * Thread-safe.
 */
public final class RefreshCookie {
    private final String name;
    private final String path;
    private final int maxAgeSeconds;
    private final boolean secure;
    private final String sameSite;
    private static final java.util.regex.Pattern TOKEN_CHARS = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    public RefreshCookie(String name, String path, Duration maxAge, boolean secure, String sameSite) {
        this.name = name;
        this.path = path;
        this.maxAgeSeconds = Math.toIntExact(maxAge.toSeconds());
        this.secure = secure;
        this.sameSite = sameSite;
    }

    /**
     * The refresh token the request carries, or {@code null} when there is none.
     *
     * @throws InvalidTokenException when it carries several cookies of that name with different values
     */
    public String read(HttpServletRequest req) {
        String found = null;
        Cookie[] cookies = req.getCookies();
        for (Cookie c : cookies == null ? new Cookie[0] : cookies) {
            if (name.equals(c.getName())) {
                if (found != null && !found.equals(c.getValue())) {
                    throw new InvalidTokenException("Conflicting refresh cookies were sent");
                }
                found = c.getValue();
            }
        }
        return found;
    }

    /** Sets the cookie to {@code token} for the configured lifetime. */
    public void set(HttpServletResponse resp, String token) {
        if (!TOKEN_CHARS.matcher(token).matches()) {
            throw new IllegalArgumentException("not a cookie-safe token");
        }
        resp.addHeader("Set-Cookie", header(token, maxAgeSeconds, ""));
    }

    /** Tells the browser to drop the cookie (same name and path, Max-Age=0 and a past Expires). */
    public void clear(HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", header("", 0, "; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
    }

    // Written here rather than through the container's cookie processor so that the attributes are exactly these
    // whatever the container's defaults are (Tomcat drops Max-Age=0 and may add its own SameSite).
    private String header(String value, int maxAge, String expires) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + expires
                + (secure ? "; Secure" : "") + "; HttpOnly; SameSite=" + sameSite;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }
}
