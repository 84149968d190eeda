package io.p2pviewer.engine.peer.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void clientDefaultsFollowBrowsers() {
        TrackerClientConfig c = TrackerClientConfig.defaults();

        assertThat(c.offersPerAnnounce()).isEqualTo(5);
        assertThat(c.offerTimeout()).isEqualTo(Duration.ofSeconds(50));
        assertThat(c.defaultInterval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.backoffMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.backoffMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.maxMessageChars()).isEqualTo(256 * 1024);
        assertThat(c.newBuilder().build()).isEqualTo(c);
    }

    @Test
    void clientConfigRejectsNonsense() {
        assertThatThrownBy(() -> TrackerClientConfig.builder().offersPerAnnounce(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offersPerAnnounce");
        assertThatThrownBy(() -> TrackerClientConfig.builder().offerTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offerTimeout");
        assertThatThrownBy(() -> TrackerClientConfig.builder()
                .backoff(Duration.ofSeconds(10), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff");
    }

    @Test
    void trackerDefaultsFollowBittorrentTracker() {
        EmbeddedTrackerConfig c = EmbeddedTrackerConfig.defaults();

        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.peerTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(c.maxSwarmPeers()).isEqualTo(1000);
        assertThat(c.maxMessageChars()).isEqualTo(64 * 1024);
        assertThat(c.newBuilder().build()).isEqualTo(c);
    }

    @Test
    void trackerConfigRejectsNonsense() {
        assertThatThrownBy(() -> EmbeddedTrackerConfig.builder().interval(Duration.ofMillis(500)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> EmbeddedTrackerConfig.builder().maxSwarmPeers(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSwarmPeers");
    }
}
