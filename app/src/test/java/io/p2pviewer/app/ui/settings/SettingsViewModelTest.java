package io.p2pviewer.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.settings.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private static final Settings.IceServerEntry TURN =
            new Settings.IceServerEntry(List.of("turn:turn.example:3478"), "u", "s3cret-pass");
    private static final Settings SAVED = Settings.DEFAULTS.withP2p(new Settings.P2p(true, 800,
            List.of("wss://tracker.example/announce"), List.of(TURN), true, 512));

    @Test
    void okWithoutChangesGivesTheSameSettings() {
        assertThat(new SettingsViewModel(SAVED).apply()).contains(SAVED);
        assertThat(new SettingsViewModel(Settings.DEFAULTS).apply()).contains(Settings.DEFAULTS);
    }

    @Test
    void credentialsAreMaskedAndAMaskedOneKeepsTheSavedCredential() {
        SettingsViewModel model = new SettingsViewModel(SAVED);
        assertThat(model.iceServersProperty().get()).doesNotContain("s3cret-pass").contains(SettingsViewModel.MASKED)
                .contains("turn:turn.example:3478", "\"username\" : \"u\"");
        Settings out = model.apply().orElseThrow();
        assertThat(out.p2p().iceServers()).containsExactly(TURN);
    }

    @Test
    void aNewCredentialReplacesTheSavedOne() {
        SettingsViewModel model = new SettingsViewModel(SAVED);
        model.iceServersProperty().set(model.iceServersProperty().get().replace(SettingsViewModel.MASKED, "new-pass"));
        assertThat(model.apply().orElseThrow().p2p().iceServers().getFirst().credential()).isEqualTo("new-pass");
    }

    @Test
    void aMaskedCredentialOnAnotherServerIsRefused() {
        SettingsViewModel model = new SettingsViewModel(SAVED);
        model.iceServersProperty().set(model.iceServersProperty().get().replace("turn.example", "other.example"));
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).contains("entry 1", "masked", "type the credential again")
                .doesNotContain("s3cret-pass");
    }

    @Test
    void iceServersAreCheckedAsTheCommandLineFileIs() {
        SettingsViewModel model = new SettingsViewModel(Settings.DEFAULTS);
        model.iceServersProperty().set("[{\"urls\": \"http://not-ice\"}]");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("ICE servers: entry 1: \"http://not-ice\" is not a stun:,"
                + " turn: or turns: URL");

        model.iceServersProperty().set("[{\"urls\": \"turn:h:3478\"}]");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).contains("a TURN server needs \"username\" and \"credential\"");

        model.iceServersProperty().set("[{\"urls\": ");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("ICE servers: not valid JSON");

        model.iceServersProperty().set("{\"urls\": \"stun:h:3478\"}");
        assertThat(model.apply()).as("one object is read as an array of one, as browsers allow").isPresent();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void relayOnlyNeedsATurnServer() {
        SettingsViewModel model = new SettingsViewModel(Settings.DEFAULTS);
        model.relayOnlyProperty().set(true);
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).contains("Relay only needs a TURN server");
        model.iceServersProperty().set("[{\"urls\": \"turns:h:5349\", \"username\": \"a\", \"credential\": \"b\"}]");
        assertThat(model.apply().orElseThrow().p2p().relayOnly()).isTrue();
    }

    @Test
    void numbersAndTrackersAreCheckedWithTheFieldNamed() {
        SettingsViewModel model = new SettingsViewModel(Settings.DEFAULTS);
        model.uploadLimitKbpsProperty().set("fast");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Upload limit: \"fast\" is not a whole number");
        model.uploadLimitKbpsProperty().set("-1");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("Upload limit: -1 is out of range");
        model.uploadLimitKbpsProperty().set(" 2000 ");
        model.cacheSizeMbProperty().set("1");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("Cache size: 1 is out of range");
        model.cacheSizeMbProperty().set("1024");
        model.guideRefreshHoursProperty().set("0");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("Guide refresh: 0 is out of range");
        model.guideRefreshHoursProperty().set("6");
        model.trackersProperty().set("wss://t.example/a\n\nhttp://t.example/?token=abc");
        assertThat(model.apply()).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Trackers, line 3: \"http://t.example/?token=***\" is not a"
                + " ws:// or wss:// URL");
        model.trackersProperty().set("wss://t.example/a\nws://10.0.0.1:8000\nwss://t.example/a");

        Settings.P2p p2p = model.apply().orElseThrow().p2p();
        assertThat(p2p.uploadLimitKbps()).isEqualTo(2000);
        assertThat(p2p.cacheSizeMb()).isEqualTo(1024);
        assertThat(p2p.trackers()).containsExactly("wss://t.example/a", "ws://10.0.0.1:8000");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void sourcesAndAppearanceAreEdited() {
        Settings saved = Settings.DEFAULTS.withAppearance(new Settings.Appearance("light", true, 900, 600, false, 70,
                true)).withLibrary(new Settings.Library(List.of("tvg:a"), List.of(), "tvg:a", false));
        SettingsViewModel model = new SettingsViewModel(saved);
        assertThat(model.addPlaylist("  http://host/list.m3u ")).isTrue();
        assertThat(model.addPlaylist("http://host/list.m3u")).as("no duplicates").isFalse();
        assertThat(model.addPlaylist("   ")).isFalse();
        model.addPlaylist("/home/me/other.m3u");
        model.playlists().remove("/home/me/other.m3u");
        model.addGuide("http://host/guide.xml.gz");
        model.themeProperty().set("dark");
        model.statsPanelShownProperty().set(false);
        model.resumeLastChannelProperty().set(true);
        model.p2pEnabledProperty().set(false);

        Settings out = model.apply().orElseThrow();
        assertThat(out.sources().playlists()).containsExactly("http://host/list.m3u");
        assertThat(out.sources().guides()).containsExactly("http://host/guide.xml.gz");
        assertThat(out.appearance()).isEqualTo(new Settings.Appearance("dark", false, 900, 600, false, 70, true));
        assertThat(out.library()).isEqualTo(new Settings.Library(List.of("tvg:a"), List.of(), "tvg:a", true));
        assertThat(out.p2p().enabled()).isFalse();
    }

    @Test
    void cancelledEditsLeaveTheSettingsAlone() {
        SettingsViewModel model = new SettingsViewModel(SAVED);
        model.uploadLimitKbpsProperty().set("1");
        model.themeProperty().set("dark");
        // Cancel drops the model: nothing reaches the settings; a new dialog starts from what was saved.
        assertThat(new SettingsViewModel(SAVED).apply()).contains(SAVED);
    }
}
