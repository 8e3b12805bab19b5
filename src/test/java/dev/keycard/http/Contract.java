package dev.keycard.http;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contract test groups: each group talks to one deployment through {@link Api}, whatever its base URL
 * and context path. Groups never move a clock, so they run against embedded and standalone Tomcat alike.
 */
abstract class Contract {
    /** Calls the deployment under test; fresh for every test. */
    Api api;

    /** Base URL of the deployment including its context path, without a trailing slash. */
    abstract String baseUrl();

    /** The context path: {@code ""} for the root, or e.g. {@code "/keycard"}. */
    abstract String contextPath();

    @BeforeEach
    final void connect() {
        api = new Api(baseUrl());
    }

    /** Path of the refresh cookie: it must include the context path. */
    final String cookiePath() {
        return contextPath() + "/api/auth";
    }

    /** The Set-Cookie header that clears the refresh cookie. */
    final String cleared() {
        return "refreshToken=; Path=" + cookiePath() + "; Max-Age=0; "
                + "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Strict";
    }
}
