package org.okrpm.project;

import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.ArchitectureRules;

/** Feature packages depend one way, and no other service's code is used (docs/architecture.md). */
class ArchitectureTest {

    @Test
    void featurePackagesAreFreeOfCyclesAndUseNoOtherService() {
        ArchitectureRules.checkService("org.okrpm.project");
    }
}
