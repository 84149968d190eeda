package io.p2pviewer.app.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoControlsViewModelTest {
    private final List<String> calls = new ArrayList<>();
    private boolean havePeer = true;
    private final DemoControlsViewModel model = new DemoControlsViewModel(new DemoStage() {
        @Override public void peersLeave() { calls.add("leave"); }
        @Override public void peersComeBack() { calls.add("back"); }
        @Override public boolean onePeerTurnsMalicious() { calls.add("malicious"); return havePeer; }
        @Override public void cdnSlow(boolean slow) { calls.add("slow " + slow); }
    }, 3);

    @Test
    void startsBySayingHowManyPeersWatch() {
        assertThat(model.statusProperty().get()).isEqualTo("3 peers are watching with you");
        assertThat(model.peersPresentProperty().get()).isTrue();
    }

    @Test
    void onAMachineWithOnlyLoopbackItSaysTheDemoIsCdnOnly() {
        DemoControlsViewModel offline = new DemoControlsViewModel(new DemoStage() {
            @Override public void peersLeave() { }
            @Override public void peersComeBack() { }
            @Override public boolean onePeerTurnsMalicious() { return false; }
            @Override public void cdnSlow(boolean slow) { }
        }, 3, true);
        assertThat(offline.statusProperty().get()).isEqualTo(DemoControlsViewModel.LOOPBACK_ONLY)
                .startsWith("CDN only: no network besides loopback");
    }

    @Test
    void withoutDemoPeersNothingCanLeaveOrComeBack() {
        DemoControlsViewModel cdnOnly = new DemoControlsViewModel(new DemoStage() {
            @Override public void peersLeave() { calls.add("leave"); }
            @Override public void peersComeBack() { calls.add("back"); }
            @Override public boolean onePeerTurnsMalicious() { return false; }
            @Override public void cdnSlow(boolean slow) { calls.add("slow " + slow); }
        }, 0);
        assertThat(cdnOnly.statusProperty().get()).isEqualTo("no demo peers: CDN only");
        assertThat(cdnOnly.peersPresentProperty().get()).isFalse();
        assertThat(cdnOnly.peersCanComeBackProperty().get()).isFalse();
        cdnOnly.peersComeBack();
        cdnOnly.peersLeave();
        assertThat(calls).isEmpty();
        assertThat(cdnOnly.statusProperty().get()).isEqualTo("no demo peers: CDN only");
    }

    @Test
    void stagesFailuresAndSaysWhatHappens() {
        assertThat(model.peersCanComeBackProperty().get()).isFalse();
        model.peersLeave();
        assertThat(model.peersPresentProperty().get()).isFalse();
        assertThat(model.peersCanComeBackProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("CDN takes over");
        model.peersComeBack();
        assertThat(model.peersPresentProperty().get()).isTrue();
        assertThat(model.peersCanComeBackProperty().get()).isFalse();
        model.onePeerTurnsMalicious();
        assertThat(model.statusProperty().get()).contains("banned");
        havePeer = false;
        model.onePeerTurnsMalicious();
        assertThat(model.statusProperty().get()).contains("No peer");
        model.toggleCdnSlow();
        assertThat(model.cdnSlowProperty().get()).isTrue();
        model.toggleCdnSlow();
        assertThat(calls).containsExactly("leave", "back", "malicious", "malicious", "slow true", "slow false");
    }
}
