package io.p2pviewer.app.ui.demo;

/** What the demo can stage live; the app wires it to the demo swarm and origin, tests to a fake. */
public interface DemoStage {
    void peersLeave();

    void peersComeBack();

    /** @return false when there is no peer to turn */
    boolean onePeerTurnsMalicious();

    void cdnSlow(boolean slow);
}
