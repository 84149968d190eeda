package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.tracker.JoinTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code viewer token}: prints a token the tracker's check admits; bad arguments exit 2 with one line. */
class TokenCommandTest {
    private static final String SECRET = "8f14e45fceea167a5a36dedd4bea2543a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void printsATokenTheTrackerAdmitsForItsSwarm(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), SECRET + "\n");
        CommandRun r = run("token", "--secret", secret.toString(), "--ttl", "6h", "--swarm", "hZisoZWahU48V1cUq5vx");

        assertThat(r.exit()).isZero();
        String token = r.out().trim();
        JoinTokens check = new JoinTokens(SECRET.getBytes(StandardCharsets.US_ASCII), Clock.systemUTC());
        assertThat(check.check(token, "hZisoZWahU48V1cUq5vx")).isInstanceOf(JoinTokens.Verdict.Admitted.class);
        assertThat(check.check(token, "AAAAAAAAAAAAAAAAAAAA")).isInstanceOf(JoinTokens.Verdict.Refused.class);
        JoinTokens later = new JoinTokens(SECRET.getBytes(StandardCharsets.US_ASCII),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(6).plusSeconds(1)));
        assertThat(later.check(token, "hZisoZWahU48V1cUq5vx")).isInstanceOf(JoinTokens.Verdict.Refused.class);
    }

    @Test
    void withoutASwarmTheTokenAdmitsAll(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), SECRET);
        CommandRun r = run("token", "--secret", secret.toString());

        assertThat(r.exit()).isZero();
        JoinTokens check = new JoinTokens(SECRET.getBytes(StandardCharsets.US_ASCII), Clock.systemUTC());
        assertThat(check.check(r.out().trim(), "AAAAAAAAAAAAAAAAAAAA")).isInstanceOf(JoinTokens.Verdict.Admitted.class);
    }

    @Test
    void aMissingOrShortSecretOrABadTtlExitsTwoInOneLine(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope");
        Path shortSecret = Files.writeString(dir.resolve("short"), "tooshort\n");
        Path secret = Files.writeString(dir.resolve("secret"), SECRET);

        CommandRun noFile = run("token", "--secret", missing.toString());
        CommandRun tooShort = run("token", "--secret", shortSecret.toString());
        CommandRun badTtl = run("token", "--secret", secret.toString(), "--ttl", "soon");
        CommandRun noSecret = run("token");
        CommandRun trackerShort = run("tracker", "--token-secret", shortSecret.toString(), "--port", "0");
        CommandRun trackerNoRate = run("tracker", "--max-messages-per-second", "0", "--port", "0");

        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err().strip()).isEqualTo("error: the token secret file " + missing
                + " does not exist (make one with: openssl rand -hex 32 > " + missing + ")");
        assertThat(tooShort.exit()).isEqualTo(2);
        assertThat(tooShort.err()).contains("is 8 bytes; it needs at least 32").doesNotContain("tooshort");
        assertThat(badTtl.exit()).isEqualTo(2);
        assertThat(badTtl.err().strip()).isEqualTo("error: --ttl soon is not a positive duration such as 90s, 30m,"
                + " 6h or 7d");
        assertThat(noSecret.exit()).isEqualTo(2);
        assertThat(trackerShort.exit()).isEqualTo(2);
        assertThat(trackerShort.err()).contains("needs at least 32");
        assertThat(trackerNoRate.exit()).isEqualTo(2);
        assertThat(trackerNoRate.err().strip())
                .isEqualTo("error: --max-messages-per-second and --max-swarm-peers must be at least 1");
        assertThat(noFile.out() + tooShort.out() + badTtl.out()).isEmpty();
    }

    @Test
    void ttlsReadAsDurations() {
        assertThat(TokenCommand.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenCommand.parseTtl("6H")).isEqualTo(Duration.ofHours(6));
        assertThat(TokenCommand.parseTtl("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aBadTrackerCaFileIsABadArgument(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        CommandRun r = run("peer", "demo", "--tracker", "wss://127.0.0.1:9/announce?token=secret-value",
                "--tracker-ca", notPem.toString(), "--duration", "1");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the tracker CA file " + notPem).doesNotContain("secret-value");
    }
}
