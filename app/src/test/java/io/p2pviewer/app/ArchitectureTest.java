package io.p2pviewer.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.p2pviewer.engine.time.EngineThread;
import io.p2pviewer.testing.arch.CommonArchitectureTest;
import org.junit.jupiter.api.Test;

/** The app's layering rules (docs/ARCHITECTURE.md, "Rules"). */
class ArchitectureTest extends CommonArchitectureTest {

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("a view model holds the UI's logic and state as properties, tested with plain JUnit; "
                        + "its view owns the controls (JabRef's pattern)")
                .check(moduleClasses());
    }

    @Test
    void channelListsAndGuidesUseNoJavaFx() {
        noClasses().that().resideInAPackage("io.p2pviewer.app.channels..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the readers and the guide store serve the headless 'channels' command and the window's "
                        + "view models alike")
                .check(moduleClasses());
    }

    @Test
    void viewModelsNeverTouchEngineThreadClasses() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().areAnnotatedWith(EngineThread.class)
                .because("view models run on the JavaFX thread and read the engine's snapshots; engine-thread "
                        + "state is touched only by its own thread")
                .check(moduleClasses());
    }
}
