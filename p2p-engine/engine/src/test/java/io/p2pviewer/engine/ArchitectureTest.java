package io.p2pviewer.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.p2pviewer.testing.arch.CommonArchitectureTest;
import io.p2pviewer.testing.arch.WallClock;
import org.junit.jupiter.api.Test;

/** The engine's layering rules (docs/ARCHITECTURE.md, "Rules"), on the engine module's classes. */
class ArchitectureTest extends CommonArchitectureTest {

    @Test
    void theEngineKnowsNothingOfThePlayerTheWindowTheSimulatorOrTheDemo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "uk.co.caprica..",
                        "io.p2pviewer.player..", "io.p2pviewer.app..", "io.p2pviewer.sim..", "io.p2pviewer.demo..")
                .because("the engine is a headless library: the app, the simulator and the demo use it, "
                        + "never the other way round")
                .check(moduleClasses());
    }

    @Test
    void onlyTheWebRtcTransportUsesWebRtc() {
        noClasses().that().resideOutsideOfPackage("io.p2pviewer.engine.peer.transport.webrtc..")
                .should().dependOnClassesThat().resideInAPackage("dev.onvoid.webrtc..")
                .because("peers are reached through the PeerTransport interface; webrtc-java is one implementation")
                .check(moduleClasses());
    }

    @Test
    void theDeliveryPlannerIsPureJava() {
        classes().that().resideInAPackage("io.p2pviewer.engine.scheduler..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.p2pviewer.engine.scheduler..")
                .because("the planner is a pure function of the state it is given: testable with no engine, "
                        + "no network and no clock")
                .check(moduleClasses());
    }

    @Test
    void noEngineClassReadsSystemProperties() {
        noClasses().that().doNotHaveFullyQualifiedName("io.p2pviewer.engine.http.JdkHttpServers")
                .should().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(Long.class, "getLong", String.class)
                .orShould().callMethod(Long.class, "getLong", String.class, long.class)
                .orShould().callMethod(Long.class, "getLong", String.class, Long.class)
                .orShould().callMethod(Integer.class, "getInteger", String.class)
                .orShould().callMethod(Integer.class, "getInteger", String.class, int.class)
                .orShould().callMethod(Boolean.class, "getBoolean", String.class)
                .because("the engine's settings are its config records (EngineConfig, P2pConfig), which the app "
                        + "and the simulator fill: a same-build comparison sets a field, not a JVM flag "
                        + "(JdkHttpServers only turns on the JDK HTTP server's own TCP_NODELAY property)")
                .check(moduleClasses());
    }

    @Test
    void noEngineClassReadsTheWallClock() {
        WallClock.NOT_READ.because("engine time comes from the Clock and the TaskScheduler it is given, "
                + "so tests and the simulator run it in virtual time").check(moduleClasses());
    }

    @Test
    void onlyTheCompositionRootsChooseTheSystemClock() {
        WallClock.systemClockChosenOnlyIn(
                        EngineConfig.Builder.class.getName(),
                        "io.p2pviewer.engine.peer.P2pStack",
                        "io.p2pviewer.engine.peer.tracker.EmbeddedTracker",
                        "io.p2pviewer.engine.peer.transport.webrtc.TransportThreads")
                .check(moduleClasses());
    }
}
