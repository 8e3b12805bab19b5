package dev.keycard.http;

import dev.keycard.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link ContractSuite} against Keycard on embedded Tomcat at the root context. */
class EmbeddedContractTest extends ContractSuite {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    String deploymentUrl() {
        return server.baseUrl();
    }

    @Override
    String deploymentContextPath() {
        return server.contextPath();
    }
}
