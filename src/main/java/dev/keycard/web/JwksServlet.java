package dev.keycard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.core.token.SigningKeys;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify Keycard's access tokens, as a JWK set (RFC 7517)
 * with {@code kty, use, alg, kid} and the key's parameters, current key first. With HS256 the set is empty: the
 * secret is never published. Public data, so any origin may read it and caches may keep it for
 * {@value #MAX_AGE_SECONDS} seconds. The body is built once; thread-safe.
 */
public final class JwksServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** How long clients may cache the key set; a new current key is picked up by then at the latest. */
    public static final int MAX_AGE_SECONDS = 300;

    private final byte[] body;

    public JwksServlet(SigningKeys keys, ObjectMapper mapper) {
        try {
            this.body = mapper.writeValueAsBytes(Map.of("keys", keys.publicJwks()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JWK set not serializable", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
