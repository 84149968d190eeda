package io.p2pviewer.sim;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.P2pConfig;
import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.scheduler.SchedulerConfig;
import io.p2pviewer.engine.stream.StreamContext;
import io.p2pviewer.engine.stream.StreamController;
import io.p2pviewer.engine.stream.StreamOpener;
import io.p2pviewer.engine.time.Cancellable;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.time.Duration;
import java.util.HashSet;

/**
 * One simulated viewer: a real engine stream ({@link StreamController} opened by {@link StreamOpener}, with its
 * swarm and scheduler when P2P is on) and a player model reading from it. The player behaves as the headless
 * {@code viewer peer}'s player: it starts {@code liveDelaySegments} behind the live edge (VOD: at the start),
 * requests one segment at a time, keeps up to {@code bufferSeconds} of media downloaded ahead of its playhead,
 * reloads the playlist through the engine when it needs a segment it does not know yet, and stalls whenever the
 * playhead reaches the end of what was downloaded. Its partition's thread only.
 */
final class SimViewer {
    /** Engine settings as the desktop app's defaults. */
    private static final long CACHE_BYTES = 256L << 20;
    private static final int SEGMENT_ATTEMPTS = 3;
    private static final Duration DEADLINE_GRACE = Duration.ofMillis(1000);
    private static final long RETRY_NANOS = 1_000_000_000L;

    final int index;
    final String name;
    final SimNode node;
    final int variant;
    final long joinedAt;
    final double uplinkBytesPerSecond;
    private final VirtualTimeScheduler scheduler;
    private final Scenario scenario;
    private final double segmentSeconds;
    private StreamController controller;
    private Cancellable timer = Cancellable.NONE;
    private boolean requesting;
    private boolean gone;
    private long leftAt = -1;
    private long next = -1;
    private long knownFirst = -1;
    private long knownLast = -1;
    private long lastReload = Long.MIN_VALUE;

    // player model, in virtual nanoseconds
    private long startedAt = -1;
    private double downloadedSeconds;
    private double stalledSeconds;
    private int stalls;
    private int failedSegments;

    // delivery counters (bytes handed to the player, wire size)
    long servedPeerBytes;
    long servedTotalBytes;
    private EngineSnapshot last;

    SimViewer(int index, SimNode node, int variant, double uplinkBytesPerSecond, VirtualTimeScheduler scheduler,
              Scenario scenario) {
        this.index = index;
        this.name = node.name();
        this.node = node;
        this.variant = variant;
        this.uplinkBytesPerSecond = uplinkBytesPerSecond;
        this.scheduler = scheduler;
        this.scenario = scenario;
        this.joinedAt = scheduler.nanos();
        this.segmentSeconds = scenario.stream().segmentSeconds();
    }

    /** Opens the stream through the engine (master fetch, then the player starts). */
    void join(SimOrigin origin, SimTracker tracker) {
        CdnClient cdn = origin.client(node);
        P2pConfig p2p = scenario.p2p()
                ? new P2pConfig(tracker.factory(node), peerId(index), null, true, 0,
                SchedulerConfig.DEFAULTS, scenario.relay())
                : null;
        StreamContext ctx = new StreamContext(scheduler, cdn,
                new SegmentCache(CACHE_BYTES / scenario.payloadScale()), SEGMENT_ATTEMPTS, DEADLINE_GRACE, p2p,
                new HashSet<>());
        cdn.fetchText(SimOrigin.MASTER).whenComplete((first, failure) -> {
            if (gone) {
                return;
            }
            if (failure != null) {
                failedSegments++;
                return;
            }
            try {
                controller = StreamOpener.open(name, SimOrigin.MASTER, first, ctx);
            } catch (StreamException e) {
                throw new IllegalStateException("the simulated origin served a bad master: " + e.getMessage(), e);
            }
            reload();
        });
    }

    static String peerId(int index) {
        return String.format("-PV0100-%012d", index);
    }

    /** The viewer leaves: its engine closes (peers disconnected, fetches cancelled). */
    void leave() {
        if (gone) {
            return;
        }
        last = snapshot();
        gone = true;
        leftAt = scheduler.nanos();
        timer.cancel();
        if (controller != null) {
            controller.close();
        }
    }

    private void reload() {
        lastReload = scheduler.nanos();
        controller.playlist(variant).whenComplete((text, failure) -> {
            if (gone) {
                return;
            }
            if (text != null) {
                readPlaylist(text);
            }
            if (next < 0 && knownLast >= 0) {
                next = scenario.stream().live()
                        ? Math.max(knownFirst, knownLast + 1 - scenario.player().liveDelaySegments()) : knownFirst;
            } else if (next >= 0 && next < knownFirst) {
                next = knownFirst; // fell out of the live window: skip ahead
            }
            step();
        });
    }

    /** Reads the first and last media sequence of the engine's rewritten playlist ("seg/N.ext" lines). */
    private void readPlaylist(String text) {
        int tag = text.indexOf("#EXT-X-MEDIA-SEQUENCE:");
        long first = 0;
        if (tag >= 0) {
            int from = tag + "#EXT-X-MEDIA-SEQUENCE:".length();
            int end = text.indexOf('\n', from);
            first = Long.parseLong(text.substring(from, end < 0 ? text.length() : end).trim());
        }
        int lastSeg = text.lastIndexOf("seg/");
        if (lastSeg < 0) {
            return;
        }
        int dot = text.indexOf('.', lastSeg);
        knownFirst = first;
        knownLast = Long.parseLong(text.substring(lastSeg + 4, dot));
    }

    /** The player's loop: request, wait for buffer room, or reload the playlist. */
    private void step() {
        timer.cancel();
        if (gone || requesting || controller == null || next < 0) {
            return;
        }
        long now = scheduler.nanos();
        double ahead = downloadedSeconds - playheadSeconds(now);
        double room = scenario.player().bufferSeconds() - ahead;
        if (startedAt >= 0 && room <= 0) {
            timer = scheduler.scheduleNanos((long) (-room * 1e9) + 1, this::step);
            return;
        }
        if (next > knownLast) {
            if (!scenario.stream().live()) {
                return; // VOD ended
            }
            long reloadEvery = (long) Math.max(250e6, Math.ceil(segmentSeconds) * 500e6);
            long wait = lastReload + reloadEvery - now;
            if (wait <= 0) {
                reload();
            } else {
                timer = scheduler.scheduleNanos(wait, this::step);
            }
            return;
        }
        request(next);
    }

    private void request(long seq) {
        requesting = true;
        controller.segment(variant, seq).whenComplete((segment, failure) -> {
            requesting = false;
            if (gone) {
                return;
            }
            if (failure != null) {
                failedSegments++;
                next = seq + 1;
                timer = scheduler.scheduleNanos(RETRY_NANOS, this::step);
                return;
            }
            arrived(segment);
            next = seq + 1;
            step();
        });
    }

    private void arrived(CachedSegment segment) {
        long now = scheduler.nanos();
        controller.served(segment, segment.size(), segment.sha256());
        long wire = (long) segment.size() * scenario.payloadScale();
        servedTotalBytes += wire;
        servedPeerBytes += segment.peerShareOf(wire);
        if (startedAt < 0) {
            startedAt = now;
        } else {
            double dry = (now - startedAt) / 1e9 - stalledSeconds - downloadedSeconds;
            if (dry > 0) {
                stalls++;
                stalledSeconds += dry;
            }
        }
        downloadedSeconds += segment.durationSeconds();
        controller.playback(playheadSeconds(now));
    }

    private double playheadSeconds(long now) {
        return startedAt < 0 ? 0 : Math.min(downloadedSeconds, (now - startedAt) / 1e9 - stalledSeconds);
    }

    // ---- results ----

    boolean active() {
        return !gone;
    }

    /** Seconds from joining to the first segment handed to the player, or -1 if playback never started. */
    double startupSeconds() {
        return startedAt < 0 ? -1 : (startedAt - joinedAt) / 1e9;
    }

    /** Stalls so far, counting one in progress (not at the end of a VOD). */
    int stalls(long now) {
        return stalls + (stalledNow(now) > 0 ? 1 : 0);
    }

    double stallSeconds(long now) {
        return stalledSeconds + stalledNow(now);
    }

    private double stalledNow(long now) {
        long end = gone ? leftAt : now;
        boolean vodDone = !scenario.stream().live() && next > knownLast && knownLast >= 0;
        if (startedAt < 0 || vodDone) {
            return 0;
        }
        return Math.max(0, (end - startedAt) / 1e9 - stalledSeconds - downloadedSeconds);
    }

    int failedSegments() {
        return failedSegments;
    }

    /** Seconds this viewer was present, up to {@code now}. */
    /** True until the viewer left. */
    boolean present() {
        return !gone;
    }

    double presentSeconds(long now) {
        return ((gone ? leftAt : now) - joinedAt) / 1e9;
    }

    /** The engine's snapshot now, or the one taken when it left; null before the stream opened. */
    EngineSnapshot snapshot() {
        if (gone) {
            return last;
        }
        return controller == null ? null : controller.snapshot();
    }
}
