package io.p2pviewer.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.p2pviewer.testing.arch.CommonArchitectureTest;
import org.junit.jupiter.api.Test;

/** The test fixtures' layering rule (docs/ARCHITECTURE.md, "Rules"). */
class ArchitectureTest extends CommonArchitectureTest {

    @Test
    void theFixturesDependOnNothingOfOursButTime() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.p2pviewer..")
                        .and(not(resideInAnyPackage("io.p2pviewer.testing..", "io.p2pviewer.engine.time.."))))
                .because("the engine's own tests use these fixtures: a dependency on the engine would be a cycle")
                .check(moduleClasses());
    }
}
