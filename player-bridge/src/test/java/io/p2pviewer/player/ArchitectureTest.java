package io.p2pviewer.player;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.p2pviewer.testing.arch.CommonArchitectureTest;
import org.junit.jupiter.api.Test;

/** The player bridge's layering rule (docs/ARCHITECTURE.md, "Rules"). */
class ArchitectureTest extends CommonArchitectureTest {

    @Test
    void theBridgeKnowsNothingOfP2p() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.p2pviewer.engine..",
                        "io.p2pviewer.sim..", "io.p2pviewer.demo..", "io.p2pviewer.app..")
                .because("the player bridge plays any URL through libVLC; the app puts the engine in front of it")
                .check(moduleClasses());
    }
}
