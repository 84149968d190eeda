package io.p2pviewer.testing.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The rules every module keeps, checked on the module's own compiled classes ({@code target/classes}); each
 * module's {@code ArchitectureTest} extends this in a line and adds its own layering rules (JabRef's pattern).
 * The classes another module compiled are not imported, only resolved where ours point at them.
 */
public abstract class CommonArchitectureTest {
    private static final Path MAIN_CLASSES = Path.of("target", "classes");

    /** This module's main classes (the working directory of a Surefire run is the module's folder). */
    protected static JavaClasses moduleClasses() {
        return Holder.CLASSES;
    }

    private static final class Holder {
        static final JavaClasses CLASSES = load();

        private static JavaClasses load() {
            if (!Files.isDirectory(MAIN_CLASSES)) {
                throw new IllegalStateException("no compiled classes at " + MAIN_CLASSES.toAbsolutePath());
            }
            return new ClassFileImporter().importPath(MAIN_CLASSES);
        }
    }

    /** A rule over no classes passes whatever it says: make sure the import found this module's code. */
    @Test
    void theModuleHasClassesToCheck() {
        assertThat(moduleClasses()).isNotEmpty();
    }

    @Test
    void loggingGoesThroughSlf4j() {
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because("every module logs through slf4j, configured once by the app")
                .check(moduleClasses());
    }

    @Test
    void onlyCommandEntryPointsWriteToTheConsole() {
        noClasses().that(DescribedPredicate.not(ENTRY_POINT)).should(ACCESS_STANDARD_STREAMS)
                .because("stdout and stderr belong to commands (a main method or a command-line class); "
                        + "everything else logs, so a library never prints into a host's output")
                .check(moduleClasses());
    }

    /** A class with a {@code public static void main}, a launcher ({@code *Launch}) or a command-line class. */
    private static final DescribedPredicate<JavaClass> ENTRY_POINT =
            new DescribedPredicate<>("a command entry point") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().endsWith(".cli") || c.getSimpleName().endsWith("Launch") || c.getMethods().stream().anyMatch(m ->
                            m.getName().equals("main") && m.getModifiers().contains(JavaModifier.STATIC)
                                    && m.getModifiers().contains(JavaModifier.PUBLIC));
                }
            };
}
