package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.peer.swarm.SwarmIds;
import io.p2pviewer.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinTokensTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SWARM = "hZisoZWahU48V1cUq5vx";
    private static final String OTHER = "AAAAAAAAAAAAAAAAAAAA";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final JoinTokens tokens = new JoinTokens(SECRET, clock);

    private static JoinTokens.Verdict.Refused refused(JoinTokens.Verdict v) {
        assertThat(v).isInstanceOf(JoinTokens.Verdict.Refused.class);
        return (JoinTokens.Verdict.Refused) v;
    }

    @Test
    void aValidTokenAdmitsItsSwarmUntilItExpires() {
        String token = tokens.issue(List.of(SWARM), Duration.ofHours(6));

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(tokens.check(token, SWARM)).isEqualTo(
                new JoinTokens.Verdict.Admitted(Instant.parse("2026-01-01T06:00:00Z")));
        clock.elapse(Duration.ofHours(6).minusSeconds(1));
        assertThat(tokens.check(token, SWARM)).isInstanceOf(JoinTokens.Verdict.Admitted.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(List.of(SWARM), Duration.ofMinutes(5));
        clock.elapse(Duration.ofMinutes(5));

        assertThat(refused(tokens.check(token, SWARM)).reason()).isEqualTo("join token expired");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        byte[] other = Arrays.copyOf(SECRET, SECRET.length);
        other[0] ^= 1;
        String forged = new JoinTokens(other, clock).issue(List.of(SWARM), Duration.ofHours(1));

        assertThat(refused(tokens.check(forged, SWARM)).reason()).isEqualTo("join token invalid");
    }

    @Test
    void aTokenWhosePayloadWasChangedIsRefused() {
        String token = tokens.issue(List.of(SWARM), Duration.ofSeconds(10));
        String signature = token.substring(token.indexOf('.'));
        // a longer expiry with the original signature
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1:" + Instant.parse("2030-01-01T00:00:00Z").getEpochSecond() + ":*")
                        .getBytes(StandardCharsets.US_ASCII));

        assertThat(refused(tokens.check(payload + signature, SWARM)).reason()).isEqualTo("join token invalid");
    }

    @Test
    void aTokenForAnotherSwarmIsRefused() {
        String token = tokens.issue(List.of(OTHER), Duration.ofHours(1));

        assertThat(refused(tokens.check(token, SWARM)).reason()).isEqualTo("join token not valid for this swarm");
        assertThat(tokens.check(token, OTHER)).isInstanceOf(JoinTokens.Verdict.Admitted.class);
    }

    @Test
    void aTokenMayNameSeveralSwarmsOrAll() {
        String two = tokens.issue(List.of(SWARM, OTHER), Duration.ofHours(1));
        String all = tokens.issue(List.of(JoinTokens.ALL_SWARMS), Duration.ofHours(1));

        assertThat(tokens.check(two, SWARM)).isInstanceOf(JoinTokens.Verdict.Admitted.class);
        assertThat(tokens.check(two, OTHER)).isInstanceOf(JoinTokens.Verdict.Admitted.class);
        assertThat(tokens.check(two, "BBBBBBBBBBBBBBBBBBBB")).isInstanceOf(JoinTokens.Verdict.Refused.class);
        assertThat(tokens.check(all, "BBBBBBBBBBBBBBBBBBBB")).isInstanceOf(JoinTokens.Verdict.Admitted.class);
        assertThat(tokens.check(all, null)).isInstanceOf(JoinTokens.Verdict.Admitted.class);
    }

    @Test
    void aStreamSwarmIdIsBoundByItsInfoHash() {
        String streamSwarm = "v2-http://127.0.0.1:18080/stream/master.m3u8-main-VNTn7I+DeU6GE+e1w/cUT9pJjmg=";
        String token = tokens.issue(List.of(streamSwarm), Duration.ofHours(1));

        assertThat(SwarmIds.infoHash(streamSwarm)).isEqualTo(SWARM);
        assertThat(tokens.check(token, SWARM)).isInstanceOf(JoinTokens.Verdict.Admitted.class);
    }

    @Test
    void garbageIsRefusedAsInvalid() {
        for (String garbage : List.of("x", "a.b", "....", "%%%.%%%", "not a token at all",
                "eyJhbGciOiJIUzI1NiJ9." + "A".repeat(43), "A".repeat(5000) + "." + "B".repeat(43))) {
            assertThat(refused(tokens.check(garbage, SWARM)).reason()).as(garbage).isEqualTo("join token invalid");
        }
    }

    @Test
    void noTokenIsRefusedAsRequired() {
        assertThat(refused(tokens.check(null, SWARM)).reason()).isEqualTo("join token required");
        assertThat(refused(tokens.check("", SWARM)).reason()).isEqualTo("join token required");
    }

    @Test
    void shortSecretsAndBadArgumentsAreRejected() {
        assertThatThrownBy(() -> new JoinTokens(new byte[31], clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> tokens.issue(List.of(SWARM), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(List.of(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(List.of("*", SWARM), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
