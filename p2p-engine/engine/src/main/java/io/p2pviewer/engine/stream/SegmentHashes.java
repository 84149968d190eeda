package io.p2pviewer.engine.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.integrity.ContainerKind;
import io.p2pviewer.engine.integrity.SegmentVerifier;
import io.p2pviewer.engine.integrity.Verdict;
import io.p2pviewer.engine.playlist.KeyMethod;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.time.TaskScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The origin's SHA-256 list of a track's segments (the PeerTube convention: a JSON object mapping segment file
 * name to lowercase hex SHA-256, published as {@code segments-sha256.json} beside the media playlist), and the
 * verification of peer-delivered segments against it. A stream without the list (404) is verified by size and
 * structure only. For live streams the list is refreshed when a segment is not in it yet; a segment still
 * missing after a refresh is rejected. Engine thread only.
 */
final class SegmentHashes {
    private static final Logger log = LoggerFactory.getLogger(SegmentHashes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE_NAME = "segments-sha256.json";
    private static final Duration MIN_REFRESH = Duration.ofMillis(300);
    private static final int MAX_ENTRIES = 100_000;

    private enum State { UNKNOWN, AVAILABLE, ABSENT }

    private record Pending(MediaSegment segment, byte[] data, long declared, Consumer<Verdict> done) {
    }

    private final TaskScheduler scheduler;
    private final CdnClient cdn;
    private final Track track;
    private final Map<String, String> sha = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private State state = State.UNKNOWN;
    private boolean refreshing;
    private Instant lastRefresh = Instant.MIN;

    SegmentHashes(TaskScheduler scheduler, CdnClient cdn, Track track) {
        this.scheduler = scheduler;
        this.cdn = cdn;
        this.track = track;
    }

    /** Verifies a peer-delivered segment; the verdict arrives on the engine thread, maybe after a refresh. */
    void verify(MediaSegment segment, byte[] data, long declared, Consumer<Verdict> done) {
        if (state == State.ABSENT) {
            done.accept(check(segment, data, declared, null));
        } else if (state == State.AVAILABLE && sha.containsKey(name(segment))) {
            done.accept(check(segment, data, declared, sha.get(name(segment))));
        } else {
            pending.add(new Pending(segment, data, declared, done));
            refresh();
        }
    }

    /** A new live playlist: fetch the list now, so that peers' segments of it can be verified without waiting. */
    void playlistChanged() {
        if (state == State.AVAILABLE && track.live()) {
            refresh();
        }
    }

    void refresh() {
        if (refreshing) {
            return;
        }
        Instant now = scheduler.clock().instant();
        if (Duration.between(lastRefresh, now).compareTo(MIN_REFRESH) < 0) {
            scheduler.schedule(MIN_REFRESH, this::refresh);
            return;
        }
        refreshing = true;
        lastRefresh = now;
        URI uri = track.originUri.resolve(FILE_NAME);
        cdn.fetchText(uri).whenComplete((r, e) -> scheduler.execute(() -> {
            refreshing = false;
            if (e != null) {
                if (state == State.UNKNOWN) {
                    log.info("[{}] no segment hash list ({}): peers' segments are checked by size and structure",
                            track.name, PlaylistLoader.rootMessage(e));
                    state = State.ABSENT;
                }
            } else {
                try {
                    Map<String, String> m = JSON.readValue(r.body(), new TypeReference<Map<String, String>>() { });
                    if (sha.size() + m.size() > MAX_ENTRIES) {
                        sha.clear();
                    }
                    sha.putAll(m);
                    state = State.AVAILABLE;
                } catch (Exception ex) {
                    log.warn("[{}] unreadable segment hash list: {}", track.name, ex.getMessage());
                    if (state == State.UNKNOWN) {
                        state = State.ABSENT;
                    }
                }
            }
            List<Pending> todo = new ArrayList<>(pending);
            pending.clear();
            for (Pending p : todo) {
                String expected = sha.get(name(p.segment()));
                if (state == State.AVAILABLE && expected == null) {
                    p.done().accept(Verdict.fail("sha256", "the origin publishes no hash for " + name(p.segment())));
                } else {
                    p.done().accept(check(p.segment(), p.data(), p.declared(), expected));
                }
            }
        }));
    }

    private static Verdict check(MediaSegment segment, byte[] data, long declared, String expected) {
        boolean aes = segment.key() != null && segment.key().method() == KeyMethod.AES_128;
        return SegmentVerifier.verify(data, declared, ContainerKind.of(aes, segment.uri()), expected);
    }

    static String name(MediaSegment segment) {
        String path = segment.uri().getPath() == null ? "" : segment.uri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
