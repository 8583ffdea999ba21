package org.okrpm.kit.testing;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the running service's management interface, where health ({@code /q/health/*}) and metrics
 * ({@code /q/metrics}) are served: a port of its own, not the API's (random in tests).
 */
public final class Management {

    private Management() {
    }

    /** A request without credentials to the management port. */
    public static RequestSpecification api() {
        return TestTokens.api().port(port());
    }

    /** The port the management interface listens on in this test run. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
