package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.settings.Settings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsP2pSetupTest {
    @Test
    void theSettingsTrackersIceServersAndCacheAreUsed() {
        Settings.P2p p2p = new Settings.P2p(true, 800, List.of("ws://127.0.0.1:8000", "http://bad", "wss://t/x"),
                List.of(new Settings.IceServerEntry(List.of("turn:h:3478"), "u", "p"),
                        new Settings.IceServerEntry(List.of("turn:h2:3478"), null, null),
                        new Settings.IceServerEntry(List.of("stun:h:3478"), null, null)), true, 64);
        SettingsP2pSetup setup = new SettingsP2pSetup(p2p);
        assertThat(setup.trackers()).containsExactly(URI.create("ws://127.0.0.1:8000"), URI.create("wss://t/x"));
        assertThat(setup.webRtc().iceServers()).as("the TURN server without credentials is left out")
                .extracting(s -> s.urls().getFirst()).containsExactly("turn:h:3478", "stun:h:3478");
        assertThat(setup.webRtc().relayOnly()).isTrue();
        assertThat(setup.engineConfig(null).cacheMaxBytes()).isEqualTo(64L << 20);
    }

    @Test
    void p2pOffMeansNoTrackersSoNoStack() {
        SettingsP2pSetup setup = new SettingsP2pSetup(new Settings.P2p(false, 0, List.of("ws://127.0.0.1:8000"),
                List.of(), false, 256));
        assertThat(setup.trackers()).isEmpty();
        assertThat(setup.stack()).isNull();
        assertThat(setup.engineConfig(null).p2p()).isNull();
    }

    @Test
    void relayOnlyWithoutATurnServerMeansNoPeersRatherThanDirectOnes() {
        SettingsP2pSetup setup = new SettingsP2pSetup(new Settings.P2p(true, 0, List.of("ws://127.0.0.1:8000"),
                List.of(new Settings.IceServerEntry(List.of("stun:h:3478"), null, null)), true, 256));
        assertThat(setup.trackers()).isEmpty();
        assertThat(setup.stack()).isNull();
    }
}
