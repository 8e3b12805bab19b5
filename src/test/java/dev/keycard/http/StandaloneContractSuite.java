package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keycard.testing.CatalinaBase;
import dev.keycard.testing.StandaloneTomcat;
import dev.keycard.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@link ContractSuite} against {@code target/keycard.war} deployed into a standalone Tomcat distribution at
 * {@code /keycard}, configured as an operator would: secrets and {@code KEYCARD_CONFIG} exported by
 * {@code bin/setenv.sh}, the extra allowed origin as a context parameter. After the run, Tomcat's logs must hold no
 * SEVERE line and no stack trace through Keycard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandaloneContractSuite extends ContractSuite {
    private StandaloneTomcat tomcat;

    /** The system property naming the distribution's CATALINA_HOME. */
    abstract String tomcatHomeProperty();

    @BeforeAll
    void start() {
        CatalinaBase base = CatalinaBase.builder(tomcatHomeProperty())
                .contextParameter("keycard.allowedOrigins", TestServer.APP_ORIGIN)
                .create(getClass().getSimpleName());
        tomcat = new StandaloneTomcat(base);
        try {
            tomcat.start();
        } catch (RuntimeException e) {
            tomcat.close();
            throw e;
        }
    }

    @AfterAll
    void stopAndCheckLogs() {
        if (tomcat == null) {
            return;
        }
        tomcat.close();
        List<String> bad = tomcat.severeOrKeycardStackTraceLines();
        assertEquals(List.of(), bad, "Tomcat's logs in " + tomcat.base().base().resolve("logs"));
    }

    @Override
    String deploymentUrl() {
        return tomcat.baseUrl();
    }

    @Override
    String deploymentContextPath() {
        return StandaloneTomcat.CONTEXT_PATH;
    }
}
