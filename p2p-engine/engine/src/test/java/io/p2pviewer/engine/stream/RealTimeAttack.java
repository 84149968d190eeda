package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.peer.transport.PeerChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The adversary suite's run ({@link AttackRun}) in real time, for an offender outside the process: the engine, its
 * honest holder and leecher and the player are in process (in-memory channels), the offender's channel comes from
 * elsewhere (a real WebRTC connection from another process, {@code HostilePeerWebRtcIT}). A CDN-only run in virtual
 * time comes first, for the deadlines to compare with. {@link #run} on one thread, {@link #offender} from any.
 */
public final class RealTimeAttack {
    /** The offender's peer id in the engine's swarm. */
    public static final String OFFENDER = "-PV0100-mallory00001";
    private final AtomicReference<PeerChannel> arrived = new AtomicReference<>();

    /** The origin's bytes of a segment (what an offender must send to pass verification). */
    public static byte[] originBytes(long mediaSequence) {
        return FakeLiveOrigin.bytes(mediaSequence);
    }

    /** Hands the offender's open channel to the engine; any thread. */
    public void offender(PeerChannel channel) {
        arrived.set(channel);
    }

    /**
     * Runs the CDN-only baseline, then the engine with its honest peers; calls {@code ready} when the engine waits
     * for the offender (at most {@code wait}), then plays for {@link AttackRun#ATTACK} of wall time with it.
     *
     * @return the numbers, "key=value" separated by spaces (values without spaces)
     */
    public Map<String, String> run(Runnable ready, Duration wait) throws Exception {
        AttackRun baseline = new AttackRun(false);
        baseline.attack(e -> { });
        AttackRun run = new AttackRun(true, new LiveEngineFixture().inRealTime());
        TappedChannel[] offender = new TappedChannel[1];
        run.attack(engine -> {
            ready.run();
            long deadline = System.nanoTime() + wait.toNanos();
            while (arrived.get() == null && System.nanoTime() < deadline) {
                engine.drainInbox();
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            }
            if (arrived.get() == null) {
                throw new IllegalStateException("no offender connected within " + wait);
            }
            offender[0] = new TappedChannel(arrived.get(), engine, OFFENDER);
            engine.swarmListeners.get(0).onPeer(OFFENDER, offender[0]);
        });
        WirePeer tap = offender[0].tap;
        PeerInfo info = run.info(OFFENDER);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("missed", Long.toString(run.missed));
        out.put("cdnOnlyMissed", Long.toString(baseline.missed));
        out.put("played", run.played.size() + "/" + run.asked);
        out.put("holderConnected", Boolean.toString(run.info(AttackRun.HOLDER).connected()));
        out.put("leecherConnected", Boolean.toString(run.info(AttackRun.LEECHER).connected()));
        out.put("leecherServed", Integer.toString(run.leecher.completed));
        out.put("peerDelivered", Long.toString(run.peerDelivered()));
        out.put("offenderConnected", Boolean.toString(info.connected()));
        out.put("offenderReason", String.valueOf(info.closeReason()).replace(' ', '_'));
        out.put("requests", Integer.toString(tap.requestTimes.size()));
        out.put("cancels", Integer.toString(tap.cancelTimes.size()));
        out.put("firstCancelMs", millis(run.firstCancelAfter(tap)));
        out.put("dropMs", millis(run.dropAfter(tap)));
        out.put("peakDownloadCapacity", Long.toString(run.peak.downloadCapacity()));
        out.put("engineCpuMs", Long.toString(run.cpuMillis));
        out.put("heapAfterGcKiB", Long.toString(AttackRun.heapAfterGc() >> 10));
        return out;
    }

    /** As "k=v k=v". */
    public static String format(Map<String, String> numbers) {
        return numbers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String millis(Duration d) {
        return d == null ? "none" : Long.toString(d.toMillis());
    }
}
