package org.okrpm.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;

/**
 * The layout rules every module keeps (docs/architecture.md): feature packages depend on each other one way
 * only, and no service reaches into another service's code. (The kit's own test keeps it free of services.)
 */
public final class ArchitectureRules {

    /** The root package of each service. */
    public static final List<String> SERVICES = List.of("org.okrpm.okr", "org.okrpm.project", "org.okrpm.checkin",
            "org.okrpm.gateway");

    private ArchitectureRules() {
    }

    /** Checks a service's main code: its feature packages are free of cycles and it imports no other service. */
    public static void checkService(String rootPackage) {
        JavaClasses classes = mainClasses(rootPackage);
        slices().matching(rootPackage + ".(*)..").namingSlices("feature '$1'")
                .should().beFreeOfCycles()
                .because("feature packages depend one way; where two need each other, one publishes an event or "
                        + "offers a small interface")
                .check(classes);
        String[] others = SERVICES.stream().filter(root -> !root.equals(rootPackage)).map(root -> root + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only the kit and events, never code")
                .check(classes);
    }

    private static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(Arrays.asList(packages));
    }
}
