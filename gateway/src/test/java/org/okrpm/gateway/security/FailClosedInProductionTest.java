package org.okrpm.gateway.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway started for real in the prod profile without a token verification key (issue 14: it used to
 * report READY and answer 401 to everything): it must refuse to start. Were the check gone, the application
 * would start and run until stopped, and the timeout fails the test.
 */
@QuarkusMainTest
@TestProfile(FailClosedInProductionTest.ProductionWithoutJwtKey.class)
class FailClosedInProductionTest {

    /** The prod profile's configuration, on free ports, without a token verification key. */
    public static class ProductionWithoutJwtKey implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // NONE is what SmallRye JWT reads for a key nobody configured; set explicitly because in a test launch
            // (not in a production jar) smallrye-jwt would otherwise make up an in-memory key pair
            return Map.of("mp.jwt.verify.publickey.location", "NONE",
                    "quarkus.http.port", "0", "quarkus.http.test-port", "0",
                    "quarkus.management.port", "0", "quarkus.management.test-port", "0");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void withoutItsJwtVerificationKeyTheGatewayRefusesToStart(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();
        assertThat(result.getOutput() + "\n" + result.getErrorOutput(), result.exitCode(), is(1));
        assertThat(result.getOutput() + result.getErrorOutput(), containsString("mp.jwt.verify.publickey.location"));
    }
}
