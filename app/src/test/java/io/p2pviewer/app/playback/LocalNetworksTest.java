package io.p2pviewer.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.tracker.PeerReachability;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalNetworksTest {
    private static final String TURN_REFUSED = "TURN turn:10.0.0.1:3478 refused the credentials: 401 Unauthorized";

    @Test
    void onAMachineWithOnlyLoopbackTheUnreachableNoticeNamesTheCauseNotTurn() {
        List<String> shown = LocalNetworks.explained(List.of(TURN_REFUSED, PeerReachability.UNREACHABLE), () -> true);

        assertThat(shown).containsExactly(TURN_REFUSED, LocalNetworks.UNREACHABLE_LOOPBACK_ONLY);
        assertThat(String.join(" ", shown)).doesNotContain("configure a TURN server");
    }

    @Test
    void withANetworkTheEnginesAdviceStands() {
        List<String> notices = List.of(PeerReachability.UNREACHABLE);

        assertThat(LocalNetworks.explained(notices, () -> false)).containsExactly(PeerReachability.UNREACHABLE);
    }

    @Test
    void theInterfacesAreReadOnlyWhenPeersWereFoundUnreachable() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(LocalNetworks.explained(List.of(TURN_REFUSED), () -> asked.incrementAndGet() > 0))
                .containsExactly(TURN_REFUSED);
        assertThat(LocalNetworks.explained(List.of(), () -> asked.incrementAndGet() > 0)).isEmpty();
        assertThat(asked).hasValue(0);
    }
}
