package org.okrpm.okr;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.okrpm.kit.testing.KafkaBrokerTestResource;

/** Every test of this module shares one real Kafka broker (started once per test JVM). */
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestBrokerSetup {

    private TestBrokerSetup() {
    }
}
