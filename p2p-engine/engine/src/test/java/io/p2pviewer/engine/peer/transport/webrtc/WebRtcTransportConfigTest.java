package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebRtcTransportConfigTest {
    @Test
    void defaultsUseNoIceServersAndOneMebibyteOfSendBuffer() {
        WebRtcTransportConfig c = WebRtcTransportConfig.defaults();
        assertThat(c.iceServers()).isEmpty();
        assertThat(c.relayOnly()).isFalse();
        assertThat(c.sendBufferThreshold()).isEqualTo(1 << 20);
        assertThat(c.sendPollInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(c.revealRemoteAddresses()).isFalse();
    }

    @Test
    void withersChangeOneSetting() {
        WebRtcTransportConfig c = WebRtcTransportConfig.defaults()
                .withIceServers(List.of(new IceServer(List.of("turn:turn.example:3478"), "u", "p")), true)
                .withGatheringTimeout(Duration.ofSeconds(3))
                .withRevealRemoteAddresses(true);
        assertThat(c.relayOnly()).isTrue();
        assertThat(c.gatheringTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.openTimeout()).isEqualTo(WebRtcTransportConfig.defaults().openTimeout());
        assertThat(c.revealRemoteAddresses()).isTrue();
    }

    @Test
    void rejectsNonsense() {
        WebRtcTransportConfig d = WebRtcTransportConfig.defaults();
        assertThatThrownBy(() -> d.withGatheringTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gatheringTimeout");
        assertThatThrownBy(() -> d.withSendFlowControl(1000, Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendBufferThreshold");
        assertThatThrownBy(() -> d.withIceServers(List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TURN");
        assertThatThrownBy(() -> d.withIceServers(List.of(IceServer.of("stun:stun.example:3478")), true))
                .as("relay only with STUN alone").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TURN");
        assertThatThrownBy(() -> IceServer.of("http://example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://example");
    }

    @Test
    void iceServersNeverShowTheirCredentials() {
        IceServer s = new IceServer(List.of("turns:turn.example:443?transport=tcp"), "user1", "secret");
        assertThat(s.toString()).contains("turns:turn.example:443").contains("with credentials")
                .doesNotContain("secret").doesNotContain("user1");
        assertThat(s.isTurn()).isTrue();
        assertThat(IceServer.of("stun:stun.example:3478").isTurn()).isFalse();
    }

    @Test
    void aQueryOtherThanTheTransportIsRefusedWithoutShowingIt() {
        // libwebrtc given "?transport=tcp&token=t0k" crashed the JVM (SIGSEGV in libc) when the engine made an offer
        for (String url : List.of("turns:turn.example:443?transport=tcp&token=t0k", "turn:turn.example?t0k",
                "stun:stun.example:3478?transport=udp&t0k", "turn:turn.example:3478?transport=sctp")) {
            assertThatThrownBy(() -> new IceServer(List.of(url), "user1", "secret")).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the only query WebRTC takes is ?transport=udp or ?transport=tcp")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("t0k").doesNotContain("secret"));
        }
        assertThat(new IceServer(List.of("turn:turn.example:3478?transport=udp"), "u", "p").urls()).hasSize(1);
    }

    @Test
    void iceProblemsAreKeptOnceEachWithAHintAndNoQuery() {
        IceServerProblems p = new IceServerProblems();
        p.report("turn:198.51.100.1:3478?transport=udp&secret=x", 401, "Unauthorized");
        p.report("turn:198.51.100.1:3478?transport=udp&secret=x", 401, "Unauthorized");
        assertThat(p.list()).containsExactly(
                "ICE server turn:198.51.100.1:3478: 401 Unauthorized (check the TURN username and credential)");
    }
}
