package io.p2pviewer.engine.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.integrity.ContainerKind;
import io.p2pviewer.engine.integrity.SegmentVerifier;
import io.p2pviewer.engine.integrity.Verdict;
import io.p2pviewer.engine.playlist.KeyMethod;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.time.TaskScheduler;
import java.io.IOException;
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
    /**
     * The list is read with jackson-core's streaming parser, not an {@code ObjectMapper}: the first track to join
     * its swarm builds this class on the engine thread while the player is starting, and jackson-databind's first
     * {@code ObjectMapper} costs 0.3-0.4 s of class loading in a cold JVM (0.06-0.08 s for the parser), which
     * every P2P viewer's startup paid (docs/BENCHMARKS.md, startup against CDN-only).
     */
    private static final JsonFactory JSON = new JsonFactory();
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
                    Map<String, String> m = parse(r.body());
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

    /**
     * Reads a hash list: one JSON object whose values are strings (or numbers, read as their text).
     *
     * @throws IOException when the text is not such an object, naming what was found instead
     */
    static Map<String, String> parse(String text) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object of file names to hashes, found " + p.currentToken());
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_STRING && !value.isNumeric()) {
                    throw new IOException("expected a hash string for " + name + ", found " + value);
                }
                out.put(name, p.getText());
            }
            if (p.nextToken() != null) {
                throw new IOException("text after the JSON object");
            }
        }
        return out;
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
