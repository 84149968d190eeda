package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code viewer simulate}: a committed scenario runs to a summary and a report; a bad file exits 2 in one line. */
class SimulateCommandTest {
    private static final Path N10 = Path.of("..", "bench", "scenarios", "n10.json");

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void aScenarioRunsToASummaryAndAReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("n10.json");
        CommandRun r = run("simulate", N10.toString(), "--report", report.toString(), "--progress", "0.001");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("simulating n10: 10 viewers, live, 120 s, P2P on")
                .contains("offload so far").contains("bound min(1 - 1/N, u/r) = 90.0 %")
                .contains("against the uplinks' payload, min(1 - 1/N, u/(overhead r))")
                .contains("CDN fetches per segment").contains("startup s").contains("upload fairness");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("scenario").asText()).isEqualTo("n10");
        assertThat(json.get("offload").asDouble()).isPositive().isLessThanOrEqualTo(json.get("bound").asDouble());
        assertThat(json.get("overTime")).hasSize(12);
        assertThat(json.get("payloadBound").asDouble()).isPositive().isLessThanOrEqualTo(json.get("bound").asDouble());
    }

    @Test
    void theCdnOnlyBaselineHasNoOffload() {
        CommandRun r = run("simulate", N10.toString(), "--cdn-only");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("P2P off").contains("offload                  0.0 %");
    }

    @Test
    void aBadScenarioExitsTwoWithOneLineNamingTheField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"viewers\": 10, \"natshare\": 0.3}");
        CommandRun r = run("simulate", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("unknown field natshare");
        CommandRun missing = run("simulate", dir.resolve("none.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no scenario file");
    }
}
