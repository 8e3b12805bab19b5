package dev.keycard.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cross-site request forgery defence for every state-changing endpoint. A browser request is refused when its
 * {@code Origin} is not the server's own origin or a configured one ({@code null} never is), when
 * {@code Sec-Fetch-Site} says {@code cross-site}, or when it has no {@code Origin} but a {@code Referer} from
 * elsewhere. A request with neither header comes from a non-browser client and passes. Does not rely on
 * SameSite alone. Thread-safe.
 */
public final class OriginCheck {
    private static final Pattern SERIALIZED_ORIGIN =
            Pattern.compile("(?i)(https?)://([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(?::([1-9][0-9]{0,4}))?");

    private final Set<String> allowed;

    public OriginCheck(List<URI> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(OriginCheck::serialize).collect(Collectors.toUnmodifiableSet());
    }

    /** Throws {@link ApiException} {@code forbidden_origin} unless the request may change state. */
    public void verify(HttpServletRequest req) {
        for (String value : Collections.list(req.getHeaders("Sec-Fetch-Site"))) {
            for (String site : value.split(",")) {
                if (site.trim().equalsIgnoreCase("cross-site")) {
                    throw forbidden();
                }
            }
        }
        List<String> origins = Collections.list(req.getHeaders("Origin"));
        List<String> referers = Collections.list(req.getHeaders("Referer"));
        if (origins.size() > 1 || (origins.isEmpty() && referers.size() > 1)) {
            throw forbidden();
        }
        String origin;
        if (!origins.isEmpty()) {
            // browsers send an Origin in exactly the serialized form; anything else is not a browser's origin
            Matcher m = SERIALIZED_ORIGIN.matcher(origins.get(0).trim());
            origin = m.matches() ? serialize(m.group(1), m.group(2), m.group(3) == null ? -1
                    : Integer.parseInt(m.group(3))) : null;
        } else if (!referers.isEmpty()) {
            origin = originOf(referers.get(0));
        } else {
            return;
        }
        if (origin == null || !(origin.equals(ownOrigin(req)) || allowed.contains(origin))) {
            throw forbidden();
        }
    }

    private static ApiException forbidden() {
        return new ApiException(ApiError.FORBIDDEN_ORIGIN, "This request must come from the application's own origin");
    }

    static String ownOrigin(HttpServletRequest req) {
        return serialize(req.getScheme(), req.getServerName(), req.getServerPort());
    }

    /** {@code scheme://host[:port]} of an Origin or Referer value, or {@code null} if it has none. */
    static String originOf(String value) {
        try {
            URI u = new URI(value.trim());
            if (u.getScheme() == null || u.getHost() == null || u.getRawUserInfo() != null) {
                return null;
            }
            return serialize(u);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String serialize(URI u) {
        return serialize(u.getScheme(), u.getHost(), u.getPort());
    }

    private static String serialize(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
