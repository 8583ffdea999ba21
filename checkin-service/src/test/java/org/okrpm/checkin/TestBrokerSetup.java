package org.okrpm.checkin;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.okrpm.kit.testing.KafkaBrokerTestResource;

/**
 * Every test of this module shares one real Kafka broker (started once per test JVM) and one okr-service
 * stub ({@link OkrServiceStub}), so all test classes share one Quarkus boot.
 */
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OkrServiceStub.class, scope = TestResourceScope.GLOBAL)
public final class TestBrokerSetup {

    private TestBrokerSetup() {
    }
}
