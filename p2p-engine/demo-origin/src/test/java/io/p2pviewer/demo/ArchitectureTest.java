package io.p2pviewer.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.p2pviewer.testing.arch.CommonArchitectureTest;
import org.junit.jupiter.api.Test;

/** The demo origin's layering rule (docs/ARCHITECTURE.md, "Rules"). */
class ArchitectureTest extends CommonArchitectureTest {

    @Test
    void theDemoOriginStandsAloneLikeARealCdn() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.p2pviewer.engine..",
                        "io.p2pviewer.sim..", "io.p2pviewer.player..", "io.p2pviewer.app..", "javafx..")
                .because("it plays the CDN and the key server: the engine must work against it as against any "
                        + "origin, so it shares no code with the engine")
                .check(moduleClasses());
    }
}
