package dev.keycard.bench;

import io.lettuce.core.api.sync.RedisCommands;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;

/** The three ways the guarded endpoint of row 2 learns who is calling. */
final class Identities {
    static final String SESSION_ATTRIBUTE = "userId";
    static final String REDIS_COOKIE = "sid";
    static final String REDIS_PREFIX = "bench:session:";

    private Identities() {
    }

    /** Keycard's JwtAuthFilter has verified the bearer token and set the principal. */
    static WhoAmIServlet.Identity keycard() {
        return req -> {
            Principal p = req.getUserPrincipal();
            return p == null ? null : p.getName();
        };
    }

    /** Tomcat's HttpSession, found by the JSESSIONID cookie. */
    static WhoAmIServlet.Identity httpSession() {
        return req -> {
            HttpSession s = req.getSession(false);
            return s == null ? null : (String) s.getAttribute(SESSION_ATTRIBUTE);
        };
    }

    /** An opaque session id in a cookie, looked up in Redis on every request. */
    static WhoAmIServlet.Identity redis(RedisCommands<String, String> redis) {
        return req -> {
            Cookie[] cookies = req.getCookies();
            if (cookies == null) {
                return null;
            }
            for (Cookie c : cookies) {
                if (c.getName().equals(REDIS_COOKIE)) {
                    return redis.get(REDIS_PREFIX + c.getValue());
                }
            }
            return null;
        };
    }
}
