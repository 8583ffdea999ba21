package org.okrpm.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The kit is plumbing for every service and knows none of them. */
class KitArchitectureTest {

    @Test
    void theKitImportsNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.okrpm.okr..", "org.okrpm.project..",
                        "org.okrpm.checkin..", "org.okrpm.gateway..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.okrpm.kit"));
    }
}
