package io.p2pviewer.redaction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The redaction layer's rule (docs/ARCHITECTURE.md, "Rules"): the JDK only, since the engine and the bridge use it. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void redactionUsesOnlyTheJdk() {
        assertThat(CLASSES).isNotEmpty();
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.p2pviewer.redaction..")
                .because("the engine and the player bridge, which know nothing of each other, both use it")
                .check(CLASSES);
    }
}
