package dev.keycard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.keycard.testing.CatalinaBase;
import dev.keycard.testing.StandaloneTomcat;
import dev.keycard.testing.TestServer;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Configuring the WAR the Tomcat way, on a standalone Tomcat 11: the properties file named by KEYCARD_CONFIG,
 * context parameters in {@code conf/Catalina/localhost/keycard.xml}, system properties in {@code CATALINA_OPTS},
 * environment variables from {@code bin/setenv.sh}; later sources win. Without secrets the WAR refuses to start.
 */
class TomcatConfigurationIT {
    private static final String HOME = "keycard.it.tomcat11";

    @Test
    void settingsWhenGivenInEverySourceThenEnvBeatsSystemPropertyBeatsContextParameterBeatsFile() {
        CatalinaBase base = CatalinaBase.builder(HOME)
                .property("keycard.issuer", "iss-file")
                .contextParameter("keycard.issuer", "iss-context")
                .contextParameter("keycard.audience", "aud-context")
                .systemProperty("keycard.audience", "aud-sysprop")
                .contextParameter("keycard.access.ttl", "PT5M")
                .systemProperty("keycard.access.ttl", "PT7M")
                .env("KEYCARD_ACCESS_TTL", "PT9M")
                .create("configured");
        try (StandaloneTomcat tomcat = new StandaloneTomcat(base).start()) {
            Response login = new Api(tomcat.baseUrl()).loginUser();
            login.then().statusCode(200).body("expiresIn", org.hamcrest.Matchers.equalTo(540));
            DecodedJWT token = JWT.decode(Api.accessToken(login));
            assertEquals("iss-context", token.getIssuer(), "context parameter beats the file");
            assertEquals(List.of("aud-sysprop"), token.getAudience(), "system property beats context parameter");
            assertEquals(540, token.getExpiresAtAsInstant().getEpochSecond() - token.getIssuedAtAsInstant().getEpochSecond(),
                    "environment beats system property");
            new Api(tomcat.baseUrl()).profile(Api.accessToken(login)).then().statusCode(200);
            tomcat.stop();
            String logs = tomcat.logs();
            assertEquals(List.of(), tomcat.severeOrKeycardStackTraceLines());
            assertTrue(logs.contains("issuer=iss-context, audience=aud-sysprop, access.ttl=PT9M"), "one INFO line");
            assertFalse(logs.contains(TestServer.ACCESS_SECRET) || logs.contains(TestServer.REFRESH_SECRET),
                    "secrets are never logged");
        }
    }

    @Test
    void warWhenNoSecretsThenRefusesToStartNamingAccessSecret() {
        CatalinaBase base = CatalinaBase.builder(HOME).env("ACCESS_SECRET", null).env("REFRESH_SECRET", null)
                .create("no-secrets");
        try (StandaloneTomcat tomcat = new StandaloneTomcat(base).startExpectingFailure()) {
            assertNotEquals(200, tomcat.healthStatus(), "the context did not start");
            String logs = tomcat.logs();
            assertTrue(logs.contains("Keycard cannot start: ACCESS_SECRET"), logs);
            assertFalse(logs.contains("Keycard started"), logs);
        }
    }
}
