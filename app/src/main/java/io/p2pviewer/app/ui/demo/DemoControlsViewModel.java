package io.p2pviewer.app.ui.demo;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The demo's failure buttons: which actions make sense now and what the last one did. FX thread only; the stage
 * calls return at once (the swarm does its work on its own threads).
 */
public final class DemoControlsViewModel {
    private final DemoStage stage;
    private final ReadOnlyBooleanWrapper peersPresent = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper peersCanComeBack = new ReadOnlyBooleanWrapper(false);
    private final boolean swarm;
    private final ReadOnlyBooleanWrapper cdnSlow = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();

    /** Text of the status line when the machine has only loopback, so WebRTC peers cannot connect. */
    public static final String LOOPBACK_ONLY = "CDN only: no network besides loopback here, and WebRTC ignores"
            + " loopback, so the demo peers cannot connect";

    /** @param peers how many headless peers the demo started */
    public DemoControlsViewModel(DemoStage stage, int peers) {
        this(stage, peers, false);
    }

    /**
     * @param peers how many headless peers the demo started
     * @param loopbackOnly the machine has no interface but loopback: the status line says the demo is CDN only
     */
    public DemoControlsViewModel(DemoStage stage, int peers, boolean loopbackOnly) {
        this.stage = stage;
        this.swarm = peers > 0;
        peersPresent.set(peers > 0);
        status.set(peers == 0 ? "no demo peers: CDN only"
                : loopbackOnly ? LOOPBACK_ONLY : peers + " peers are watching with you");
    }

    public void peersLeave() {
        if (!peersPresent.get()) {
            return;
        }
        stage.peersLeave();
        peersPresent.set(false);
        peersCanComeBack.set(true);
        status.set("All peers left: the CDN takes over (watch the fallback band)");
    }

    /** Brings back the peers that left; nothing to do in a demo started without peers. */
    public void peersComeBack() {
        if (!swarm || !peersCanComeBack.get()) {
            return;
        }
        stage.peersComeBack();
        peersPresent.set(true);
        peersCanComeBack.set(false);
        status.set("Peers are joining again");
    }

    public void onePeerTurnsMalicious() {
        status.set(stage.onePeerTurnsMalicious()
                ? "A peer now serves corrupt bytes: it will be caught and banned"
                : "No peer is running to turn malicious");
    }

    public void toggleCdnSlow() {
        boolean slow = !cdnSlow.get();
        stage.cdnSlow(slow);
        cdnSlow.set(slow);
        status.set(slow ? "The CDN is slow now: peers carry the load" : "The CDN is back to normal");
    }

    public ReadOnlyBooleanProperty peersPresentProperty() { return peersPresent.getReadOnlyProperty(); }
    /** True after the peers left, until they come back. */
    public ReadOnlyBooleanProperty peersCanComeBackProperty() { return peersCanComeBack.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty cdnSlowProperty() { return cdnSlow.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
