package fr.bilan.gateway;

import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.ArchitectureRules;

/** The module's shape (issue 20): no cycles between its packages. */
class ArchitectureTest {

    private static final String ROOT = "fr.bilan.gateway";

    @Test
    void noCyclesBetweenPackages() {
        ArchitectureRules.noCyclesBetweenPackagesOf(ROOT).check(ArchitectureRules.mainClasses(ROOT));
    }
}
