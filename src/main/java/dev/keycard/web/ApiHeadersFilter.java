package dev.keycard.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the contract's headers ({@code Content-Type: application/json}, {@code Cache-Control: no-store},
 * {@code nosniff}) on every {@code /api} response before anything else runs, so even answers Keycard does not
 * write itself carry them.
 */
public final class ApiHeadersFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Json.applyApiHeaders((HttpServletResponse) response);
        chain.doFilter(request, response);
    }
}
