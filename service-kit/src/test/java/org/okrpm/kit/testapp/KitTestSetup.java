package org.okrpm.kit.testapp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every @QuarkusTest of the kit shares one boot of the test application and one real broker. */
@WithTestResource(value = KitBrokerResource.class, scope = TestResourceScope.GLOBAL)
public final class KitTestSetup {

    private KitTestSetup() {
    }
}
