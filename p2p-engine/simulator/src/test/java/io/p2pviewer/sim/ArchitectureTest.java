package io.p2pviewer.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.p2pviewer.testing.arch.CommonArchitectureTest;
import org.junit.jupiter.api.Test;

/** The simulator's layering rule (docs/ARCHITECTURE.md, "Rules"). */
class ArchitectureTest extends CommonArchitectureTest {

    @Test
    void theSimulatorRunsTheEngineHeadlessWithoutRealNetworking() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "uk.co.caprica..",
                        "io.p2pviewer.player..", "io.p2pviewer.app..", "io.p2pviewer.demo..", "dev.onvoid.webrtc..",
                        "io.p2pviewer.engine.peer.transport.webrtc..", "okhttp3..")
                .because("simulated viewers run the engine's own logic over a modelled network in virtual time: "
                        + "no window, no real WebRTC and no real HTTP")
                .check(moduleClasses());
    }
}
