package io.p2pviewer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scenario files: defaults, the three distribution forms, the bound, and one clear error per kind of mistake. */
class ScenarioReaderTest {
    static final Path SCENARIOS = Path.of("..", "..", "bench", "scenarios");

    @Test
    void onlyViewersIsRequiredAndEverythingElseHasItsDocumentedDefault() throws Exception {
        Scenario s = ScenarioReader.parse("{\"viewers\": 20}", "tiny");
        assertThat(s.name()).isEqualTo("tiny");
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(600));
        assertThat(s.ramp()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.stream().live()).isTrue();
        assertThat(s.stream().variants()).containsExactly(new Scenario.Variant(2.5, 1));
        assertThat(s.uplinkMbps()).isEqualTo(new Distribution.Constant(5));
        assertThat(s.latencyMs()).isEqualTo(new Distribution.Uniform(10, 50));
        assertThat(s.tracker().peersPerAnnounce()).isEqualTo(5);
        assertThat(s.tracker().connectDelayMin()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.tracker().connectDelayMax()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.player()).isEqualTo(new Scenario.Player(7, 6));
        assertThat(s.payloadScale()).isEqualTo(1024);
        assertThat(s.p2p()).isTrue();
    }

    @Test
    void relayingIsOnWithinOneSecondUnlessTheScenarioSaysOtherwise() throws Exception {
        assertThat(ScenarioReader.parse("{\"viewers\": 20}", "r").relay())
                .isEqualTo(io.p2pviewer.engine.peer.swarm.RelayConfig.DEFAULTS);
        Scenario off = ScenarioReader.parse("{\"viewers\": 20, \"relay\": {\"enabled\": false, \"withinMs\": 250}}",
                "r");
        assertThat(off.relay().enabled()).isFalse();
        assertThat(off.relay().within()).isEqualTo(Duration.ofMillis(250));
        assertError("{\"viewers\": 10, \"relay\": {\"within\": 3}}", "unknown field relay.within");
    }

    @Test
    void theWireModelIsTheMeasuredOneUnlessTheScenarioSaysOtherwise() throws Exception {
        Scenario s = ScenarioReader.parse("{\"viewers\": 20}", "w");
        assertThat(s.wire()).isEqualTo(new Scenario.Wire(1.28, Duration.ofMillis(200)));
        Scenario none = ScenarioReader.parse("{\"viewers\": 20, \"wire\": {\"overhead\": 1, \"uplinkQueueMs\": 0}}",
                "w");
        assertThat(none.wire()).isEqualTo(Scenario.Wire.NONE);
        assertError("{\"viewers\": 10, \"wire\": {\"overhead\": 0.9}}", "wire.overhead must be in 1..10, got 0.9");
        assertError("{\"viewers\": 10, \"wire\": {\"queueMs\": 100}}", "unknown field wire.queueMs");
    }

    @Test
    void distributionsAreANumberARangeOrAWeightedMix() throws Exception {
        Scenario s = ScenarioReader.parse("""
                {"viewers": 10, "uplinkMbps": [{"value": 1, "weight": 3}, {"value": 5}],
                 "downlinkMbps": {"min": 10, "max": 30}, "latencyMs": 25}""", "d");
        assertThat(s.uplinkMbps().mean()).isCloseTo(2.0, within(1e-9));
        assertThat(s.downlinkMbps().mean()).isCloseTo(20.0, within(1e-9));
        assertThat(s.latencyMs()).isEqualTo(new Distribution.Constant(25));
    }

    @Test
    void theBoundIsTheSmallerOfOneMinusOneOverNAndUplinkOverBitrate() throws Exception {
        Scenario starved = ScenarioReader.parse("{\"viewers\": 1000, \"uplinkMbps\": 2, "
                + "\"stream\": {\"variants\": [{\"bitrateMbps\": 2.5}]}}", "s");
        assertThat(starved.offloadBound()).isCloseTo(0.8, within(1e-9));
        Scenario small = ScenarioReader.parse("{\"viewers\": 10, \"uplinkMbps\": 100}", "s");
        assertThat(small.offloadBound()).isCloseTo(0.9, within(1e-9));
        Scenario split = ScenarioReader.parse("{\"viewers\": 10, \"uplinkMbps\": 100, \"stream\": {\"variants\": "
                + "[{\"bitrateMbps\": 1, \"weight\": 1}, {\"bitrateMbps\": 3, \"weight\": 1}]}}", "s");
        assertThat(split.offloadBound()).isCloseTo(0.8, within(1e-9)); // two swarms of 5
    }

    @Test
    void thePayloadBoundChargesTheWireOverheadToTheUplinks() throws Exception {
        Scenario thin = ScenarioReader.parse("{\"viewers\": 100, \"uplinkMbps\": 2, \"wire\": {\"overhead\": 1.25}, "
                + "\"stream\": {\"variants\": [{\"bitrateMbps\": 2.5}]}}", "s");
        assertThat(thin.offloadBound()).isCloseTo(0.8, within(1e-9));
        assertThat(thin.payloadOffloadBound()).isCloseTo(0.64, within(1e-9)); // 2 / 1.25 / 2.5
        Scenario wide = ScenarioReader.parse("{\"viewers\": 100, \"uplinkMbps\": 3.75, "
                + "\"stream\": {\"variants\": [{\"bitrateMbps\": 2.5}]}}", "s");
        assertThat(wide.payloadOffloadBound()).isCloseTo(0.99, within(1e-9)).isEqualTo(wide.offloadBound());
    }

    @Test
    void largeScenariosRunInSixteenPartitionsOverTwiceTheLeastLatencyUnlessTheySayOtherwise() throws Exception {
        Scenario large = ScenarioReader.parse("{\"viewers\": 1000, \"latencyMs\": {\"min\": 10, \"max\": 80}}",
                "l");
        assertThat(large.partitions()).isZero();
        assertThat(large.lookaheadNanos()).isEqualTo(20_000_000);
        assertThat(large.partitionsToRun()).isEqualTo(16);
        assertThat(ScenarioReader.parse("{\"viewers\": 1000, \"partitions\": 4}", "l").partitionsToRun())
                .isEqualTo(4);
        assertThat(ScenarioReader.parse("{\"viewers\": 100}", "s").partitionsToRun()).isEqualTo(1);
        // no latency: nothing can cross between partitions later than it was sent, so one partition
        assertThat(ScenarioReader.parse("{\"viewers\": 1000, \"latencyMs\": 0, \"partitions\": 4}", "z")
                .partitionsToRun()).isEqualTo(1);
        // the tracker's two hops fit in the shortest connect delay
        assertThat(ScenarioReader.parse("{\"viewers\": 1000, \"tracker\": {\"connectDelayMs\": 10}}", "t")
                .lookaheadNanos()).isEqualTo(5_000_000);
        assertError("{\"viewers\": 10, \"partitions\": 65}", "partitions");
    }

    @Test
    void mistakesAreRefusedWithTheFieldNamed() {
        assertError("{}", "missing required field viewers");
        assertError("{\"viewers\": 10, \"viewer\": 3}", "unknown field viewer");
        assertError("{\"viewers\": 10, \"stream\": {\"segmentSecond\": 3}}", "unknown field stream.segmentSecond");
        assertError("{\"viewers\": \"ten\"}", "viewers must be a number");
        assertError("{\"viewers\": 0}", "viewers must be in 1..1000000, got 0");
        assertError("{\"viewers\": 10, \"natShare\": 1.5}", "natShare must be in 0..1, got 1.5");
        assertError("{\"viewers\": 10, \"stream\": {\"type\": \"dvr\"}}", "stream.type must be \"live\" or \"vod\"");
        assertError("{\"viewers\": 10, \"uplinkMbps\": {\"min\": 5, \"max\": 1}}", "uplinkMbps.max (1) is below");
        assertError("{\"viewers\": 10, \"uplinkMbps\": [{\"value\": 5, \"weight\": 0}]}", "uplinkMbps needs at least");
        assertError("{\"viewers\": 10, \"uplinkMbps\": \"fast\"}", "uplinkMbps must be a number, {");
        assertError("{\"viewers\": 10, \"stream\": {\"variants\": [{\"weight\": 1}]}}",
                "missing required field stream.variants[0].bitrateMbps");
        assertError("{\"viewers\": 10, \"p2p\": \"yes\"}", "p2p must be true or false");
        assertError("{\"viewers\": 10,", "not valid JSON");
        assertError("[1, 2]", "a scenario is a JSON object");
    }

    @Test
    void aMissingFileIsAScenarioErrorToo() {
        assertThatThrownBy(() -> ScenarioReader.read(Path.of("no-such-scenario.json")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("no scenario file");
    }

    @Test
    void everyCommittedScenarioParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path f : files) {
            assertThat(f).satisfies(p -> assertThat(ScenarioReader.read(p).name())
                    .isEqualTo(p.getFileName().toString().replace(".json", "")));
        }
    }

    private static void assertError(String json, String message) {
        assertThatThrownBy(() -> ScenarioReader.parse(json, "x")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(message);
    }
}
