package org.okrpm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.okrpm.kit.testing.TestTokens.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.okrpm.gateway.support.Metrics;

/** A token that failed verification is refused again at once: a repeat costs no second RSA check. */
@QuarkusTest
class RepeatBadTokenTest {

    private static final String FAILURES = "okrpm_gateway_auth_failures_total";
    private static final String VERIFIED = "reason=\"token-verification-failed\"";
    private static final String REMEMBERED = "reason=\"token-refused-before\"";

    @Test
    void aRepeatedBadTokenIsRefusedWithoutBeingVerifiedAgain() {
        String forged = ForeignTokens.token("mallory-" + System.nanoTime());
        double verified = Metrics.counter(FAILURES, VERIFIED);
        double remembered = Metrics.counter(FAILURES, REMEMBERED);

        for (int i = 0; i < 3; i++) {
            api().auth().oauth2(forged).get("/api/v1/cycles").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        }
        assertEquals(verified + 1, Metrics.counter(FAILURES, VERIFIED), "only the first request was verified");
        assertEquals(remembered + 2, Metrics.counter(FAILURES, REMEMBERED));

        // another bad token is checked on its own
        api().auth().oauth2(ForeignTokens.token("mallory-other-" + System.nanoTime())).get("/api/v1/cycles")
                .then().statusCode(401);
        assertEquals(verified + 2, Metrics.counter(FAILURES, VERIFIED));
    }
}
