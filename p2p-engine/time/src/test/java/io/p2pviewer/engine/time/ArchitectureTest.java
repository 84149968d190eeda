package io.p2pviewer.engine.time;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The time layer's rule (docs/ARCHITECTURE.md, "Rules"). Written out here rather than through the testing module's
 * CommonArchitectureTest, which depends on this module.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void timeIsTheBottomLayerAndUsesOnlyTheJdkAndSlf4j() {
        assertThat(CLASSES).isNotEmpty();
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..",
                        "io.p2pviewer.engine.time..")
                .because("the engine, the simulator and the test fixtures all stand on it")
                .check(CLASSES);
    }
}
