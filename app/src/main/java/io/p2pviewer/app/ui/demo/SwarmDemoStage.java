package io.p2pviewer.app.ui.demo;

import io.p2pviewer.app.demo.DemoStream;
import io.p2pviewer.app.demo.DemoSwarm;

/**
 * The demo's staged failures, on the demo swarm (peers leave, come back, one turns malicious) and the demo origin
 * (the CDN slows down). Calls return at once; the swarm works on its own threads.
 */
public final class SwarmDemoStage implements DemoStage {
    /** A "slow CDN" still carries the 720p stream (2.7 Mbit/s), barely: peers make the difference. */
    static final long DEMO_SLOW_CDN_BYTES_PER_SECOND = 400_000;

    private final DemoStream demo;
    private final DemoSwarm swarm;

    /** @param swarm the demo's peers, null when the demo runs without any */
    public SwarmDemoStage(DemoStream demo, DemoSwarm swarm) {
        this.demo = demo;
        this.swarm = swarm;
    }

    @Override
    public void peersLeave() {
        if (swarm != null) {
            swarm.leaveAll();
        }
    }

    @Override
    public void peersComeBack() {
        if (swarm != null) {
            swarm.comeBack();
        }
    }

    @Override
    public boolean onePeerTurnsMalicious() {
        return swarm != null && swarm.turnOneMalicious();
    }

    @Override
    public void cdnSlow(boolean slow) {
        demo.origin().setSegmentRateLimit(slow ? DEMO_SLOW_CDN_BYTES_PER_SECOND : 0);
    }
}
