package org.okrpm.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.okrpm.gateway.support.OwnerStubs;
import org.okrpm.kit.testing.KafkaBrokerTestResource;

/** Every test of this module shares one real Kafka broker and the three owner stubs. */
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OwnerStubs.class, scope = TestResourceScope.GLOBAL)
public final class GatewayTestSetup {

    private GatewayTestSetup() {
    }
}
