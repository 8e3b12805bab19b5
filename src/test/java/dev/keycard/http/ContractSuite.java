package dev.keycard.http;

import org.junit.jupiter.api.Nested;

/**
 * Keycard's HTTP contract as one executable suite: every group of clock-independent contract tests, run against
 * the deployment a subclass provides (embedded Tomcat at the root context, the WAR in standalone Tomcat at
 * {@code /keycard}). One source of truth for the contract; tests that move a clock stay in the embedded-only
 * classes.
 */
abstract class ContractSuite {
    /** Base URL of the deployment including its context path, without a trailing slash. */
    abstract String deploymentUrl();

    /** The deployment's context path. */
    abstract String deploymentContextPath();

    @Nested
    class Login extends LoginContract {
        @Override
        String baseUrl() {
            return deploymentUrl();
        }

        @Override
        String contextPath() {
            return deploymentContextPath();
        }
    }

    @Nested
    class Refresh extends RefreshContract {
        @Override
        String baseUrl() {
            return deploymentUrl();
        }

        @Override
        String contextPath() {
            return deploymentContextPath();
        }
    }

    @Nested
    class Profile extends ProfileContract {
        @Override
        String baseUrl() {
            return deploymentUrl();
        }

        @Override
        String contextPath() {
            return deploymentContextPath();
        }
    }

    @Nested
    class Logout extends LogoutContract {
        @Override
        String baseUrl() {
            return deploymentUrl();
        }

        @Override
        String contextPath() {
            return deploymentContextPath();
        }
    }

    @Nested
    class Origin extends OriginContract {
        @Override
        String baseUrl() {
            return deploymentUrl();
        }

        @Override
        String contextPath() {
            return deploymentContextPath();
        }
    }

    @Nested
    class Errors extends ErrorsContract {
        @Override
        String baseUrl() {
            return deploymentUrl();
        }

        @Override
        String contextPath() {
            return deploymentContextPath();
        }
    }
}
