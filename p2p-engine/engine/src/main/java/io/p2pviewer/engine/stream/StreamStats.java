package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.cache.CachedSegment;
import io.p2pviewer.engine.cache.SegmentCache;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.engine.stats.TrafficStats;
import io.p2pviewer.engine.time.EngineThread;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics of one stream: byte counters by source, the segments served to the player, its waits, stalls and
 * playback position, and the errors met; and the {@link EngineSnapshot} built from them. Engine thread only.
 */
@EngineThread
final class StreamStats {
    /** The stream's log lines keep the controller's logger name. */
    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    private static final int MAX_ERRORS = 200;
    private static final int RECENT_ERRORS = 20;
    private static final int MAX_SERVED_LOG = 200_000;

    private final String streamId;
    private final TrafficStats traffic = new TrafficStats();
    private final List<ServedSegment> served = new ArrayList<>();
    private final Set<SegmentId> servedOnce = new HashSet<>();
    private final ArrayDeque<StreamError> errors = new ArrayDeque<>();
    private String currentVariant = "";
    private double servedMediaSeconds;
    private double playbackSeconds = -1;
    private long servedCount;
    private long missedDeadlines;
    private int stallCount;
    private double stallSeconds;
    private long maxWaitMillis;

    StreamStats(String streamId) {
        this.streamId = streamId;
    }

    /** Bytes downloaded by source and uploaded to peers. */
    TrafficStats traffic() {
        return traffic;
    }

    /** The proxy handed {@code bytes} bytes of a segment to the player. */
    void served(CachedSegment segment, long bytes, String sha256, Instant now) {
        long peerShare = segment.peerShareOf(bytes);
        traffic.served(segment.source(), bytes, peerShare);
        servedCount++;
        if (served.size() < MAX_SERVED_LOG) {
            served.add(new ServedSegment(now, segment.id().track(), segment.id().mediaSequence(), segment.source(),
                    bytes, sha256, segment.durationSeconds(), segment.peer(), segment.fetchMillis(),
                    segment.verifiedBy(), peerShare));
        }
        currentVariant = segment.id().track();
        if (servedOnce.add(segment.id())) {
            servedMediaSeconds += segment.durationSeconds();
        }
    }

    /** How far the player has played, in media seconds since it started, for the buffer estimate. */
    void playback(double seconds) {
        playbackSeconds = seconds;
    }

    /** The player's stalls so far, as it reports them. */
    void stalls(int count, double seconds) {
        stallCount = count;
        stallSeconds = seconds;
    }

    int stalls() {
        return stallCount;
    }

    double stallSeconds() {
        return stallSeconds;
    }

    /** A player request that counts for the deadline statistics (not the first) waited this long. */
    void playerWaited(long waitedMillis) {
        maxWaitMillis = Math.max(maxWaitMillis, waitedMillis);
    }

    /** A player request waited past its deadline and the grace. */
    void missedDeadline(CachedSegment segment, long waitedMillis) {
        missedDeadlines++;
        log.warn("[{}] missed deadline: player waited {} ms for {} ({})", streamId, waitedMillis, segment.id(),
                segment.source());
    }

    /** Logs and keeps an error (the newest {@value #MAX_ERRORS}). */
    void error(StreamError error) {
        log.warn("[{}] {}", streamId, error.message());
        errors.addLast(error);
        while (errors.size() > MAX_ERRORS) {
            errors.removeFirst();
        }
    }

    EngineSnapshot snapshot(Instant now, SegmentCache cache, List<PeerInfo> peers, int bannedPeers) {
        double buffer = playbackSeconds < 0 ? 0 : Math.max(0, servedMediaSeconds - playbackSeconds);
        List<StreamError> recent = new ArrayList<>(errors).subList(Math.max(0, errors.size() - RECENT_ERRORS),
                errors.size());
        return new EngineSnapshot(now, traffic.snapshot(now), currentVariant, buffer, servedCount, cache.bytes(),
                cache.size(), recent, traffic.uploadedBytes(), traffic.uploadRate(now), peers, missedDeadlines,
                maxWaitMillis, bannedPeers);
    }

    List<ServedSegment> servedSegments() {
        return List.copyOf(served);
    }

    /** The last {@code n} segments served to the player, oldest first. */
    List<ServedSegment> recentSegments(int n) {
        return List.copyOf(served.subList(Math.max(0, served.size() - n), served.size()));
    }

    List<StreamError> errors() {
        return List.copyOf(errors);
    }
}
