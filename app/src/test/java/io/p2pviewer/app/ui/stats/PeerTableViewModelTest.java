package io.p2pviewer.app.ui.stats;

import static io.p2pviewer.app.ui.stats.FakeSnapshot.closed;
import static io.p2pviewer.app.ui.stats.FakeSnapshot.connected;
import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.swarm.PeerInfo;
import org.junit.jupiter.api.Test;

class PeerTableViewModelTest {
    private static final String DESKTOP = "-PV0100-abcdefgh1234";
    private static final String BROWSER = "-PM0203-zzzzzzqwerty";
    private final PeerTableViewModel model = new PeerTableViewModel();

    private PeerRow row(String id) {
        return model.rows().stream().filter(r -> r.peerId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void showsConnectedLeftAndBannedPeersConnectedFirst() {
        model.update(FakeSnapshot.at(0)
                .peer(closed("-PV0100-badbadbadbad", 10, 0, "banned: sha256: SHA-256 0123 does not match"))
                .peer(closed("-PV0100-leftleftleft", 500, 0, "left"))
                .peer(connected(DESKTOP, 1500, 2_000_000, 300_000))
                .peer(connected(BROWSER, 0, 0, 0)).build());

        assertThat(model.rows()).extracting(PeerRow::state).containsExactly(PeerRow.State.CONNECTED,
                PeerRow.State.CONNECTED, PeerRow.State.LEFT, PeerRow.State.BANNED);
        PeerRow desktop = row(DESKTOP);
        assertThat(desktop.shortId()).isEqualTo("gh1234");
        assertThat(desktop.kind()).isEqualTo("desktop");
        assertThat(desktop.address()).isEqualTo("10.200.x.x");
        assertThat(desktop.bytesDown()).isEqualTo(1500);
        assertThat(desktop.bytesUp()).isEqualTo(2_000_000);
        assertThat(desktop.speed()).isEqualTo(300_000);
        assertThat(desktop.reason()).isEmpty();
        assertThat(row(BROWSER).kind()).isEqualTo("browser");
        PeerRow banned = row("-PV0100-badbadbadbad");
        assertThat(banned.state().label()).isEqualTo("banned");
        assertThat(banned.reason()).isEqualTo("sha256: SHA-256 0123 does not match");
        assertThat(row("-PV0100-leftleftleft").reason()).isEqualTo("left");
        assertThat(row("-PV0100-leftleftleft").state().label()).isEqualTo("left");
    }

    @Test
    void currentRatesComeFromTheCountersOfSuccessiveSamples() {
        model.update(FakeSnapshot.at(0).peer(connected(DESKTOP, 1_000, 5_000, 0)).build());
        assertThat(row(DESKTOP).downRate()).isNaN();
        assertThat(PeerRow.rateText(row(DESKTOP).downRate())).isEqualTo("–");

        model.update(FakeSnapshot.at(2).peer(connected(DESKTOP, 501_000, 5_000, 0)).build());
        assertThat(row(DESKTOP).downRate()).isEqualTo(250_000.0);
        assertThat(row(DESKTOP).upRate()).isEqualTo(0.0);
        assertThat(PeerRow.rateText(row(DESKTOP).downRate())).isEqualTo("2.0 Mbit/s");

        model.update(FakeSnapshot.at(3).peer(connected(DESKTOP, 501_000, 130_000, 0)).build());
        assertThat(row(DESKTOP).downRate()).isZero();
        assertThat(row(DESKTOP).upRate()).isEqualTo(125_000.0);
    }

    @Test
    void aPeerThatLeftHasNoCurrentRateAndCountersThatGoBackwardsGiveNone() {
        model.update(FakeSnapshot.at(0).peer(connected(DESKTOP, 1_000, 0, 0)).build());
        model.update(FakeSnapshot.at(1).peer(closed(DESKTOP, 2_000, 0, "left")).build());
        assertThat(row(DESKTOP).downRate()).isNaN();
        model.update(FakeSnapshot.at(2).peer(connected(DESKTOP, 5_000, 0, 0)).build());
        model.update(FakeSnapshot.at(3).peer(connected(DESKTOP, 10, 0, 0)).build());
        assertThat(row(DESKTOP).downRate()).isNaN();
    }

    @Test
    void theSamePeerInTwoSwarmsIsTwoRowsWithTheirOwnRates() {
        PeerInfo in720 = connected(DESKTOP, 0, 0, 0);
        PeerInfo in360 = new PeerInfo(DESKTOP, "360p", "10.200.x.x", FakeSnapshot.T0, 0, 0, 0, true, true, true, null);
        model.update(FakeSnapshot.at(0).peer(in720).peer(in360).build());
        model.update(FakeSnapshot.at(1).peer(connected(DESKTOP, 1000, 0, 0))
                .peer(new PeerInfo(DESKTOP, "360p", "10.200.x.x", FakeSnapshot.T0, 10, 0, 0, true, true, true, null))
                .build());
        assertThat(model.rows()).extracting(PeerRow::track, PeerRow::downRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("720p", 1000.0),
                        org.assertj.core.groups.Tuple.tuple("360p", 10.0));
    }

    @Test
    void noStreamNoRows() {
        model.update(FakeSnapshot.at(0).peer(connected(DESKTOP, 0, 0, 0)).build());
        model.update(null);
        assertThat(model.rows()).isEmpty();
    }
}
