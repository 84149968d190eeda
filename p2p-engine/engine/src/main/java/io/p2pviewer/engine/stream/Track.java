package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.TrackInfo;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.time.Cancellable;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** One media playlist of a stream and what the engine knows of it. Engine thread only. */
final class Track {
    /**
     * Segments remembered beyond the current playlist window, so a player a little behind still finds them (live:
     * two windows' worth behind it, see {@link #remember}).
     */
    private static final int MAX_KNOWN = 100_000;

    final int index;
    final String name;
    final URI originUri;
    final long bandwidth;
    final String resolution;

    MediaPlaylist latest;
    /** The text and final URI {@link #latest} was parsed from: an identical reload needs no parsing. */
    String latestText;
    URI latestUri;
    String rewritten;
    Instant fetchedAt;
    Instant lastActivity;
    CompletableFuture<String> loading;
    /** The latest segment the player asked for; -1 before its first request. */
    long playhead = -1;
    /**
     * The deadline of the playhead segment: when it must be in the cache. The request time, or later when the
     * player asks ahead of its need (see {@link TrackP2p#playerDue}). Later segments' deadlines follow from it,
     * one segment duration each.
     */
    Instant playheadDue;
    /** When the player will need the playhead segment to keep playing, estimated from its requests so far. */
    Instant playheadNeed;
    /** The newest segment ever cached (it may have been evicted since); -1 before the first. */
    long newestHeld = -1;
    TrackP2p p2p;
    /** Joins the swarm at the latest (see StreamController#activate); null before the track's first use. */
    Cancellable joinTimer;
    /** The p2p-media-loader stream swarm id of this track and its info_hash (set by the opener). */
    String swarmId;
    String infoHash;
    /**
     * The swarm id as a log line may show it: its base URL masked ({@code Redacted.url}: query values, passwords,
     * Xtream-style path credentials). Never hashed: browsers join {@link #swarmId}'s swarm.
     */
    String shownSwarmId;
    Cancellable reloadTimer = Cancellable.NONE;
    final NavigableMap<Long, MediaSegment> known = new TreeMap<>();

    Track(int index, String name, URI originUri, long bandwidth, String resolution) {
        this.index = index;
        this.name = name;
        this.originUri = originUri;
        this.bandwidth = bandwidth;
        this.resolution = resolution;
    }

    /**
     * The player's estimated need of the segment it asks for now, before {@link #playhead} moves to it: the previous
     * segment's need plus its duration when it asks for the next one (it plays at normal speed from its first
     * segment on), else now; never before now. Kept whether or not the track has joined its swarm yet, so a track
     * that joins after its first segments knows how far ahead its player is.
     */
    Instant playerNeed(long mediaSequence, Instant now) {
        MediaSegment previous = known.get(playhead);
        boolean next = playhead >= 0 && mediaSequence == playhead + 1 && playheadNeed != null && previous != null;
        Instant chained = next ? playheadNeed.plusMillis((long) (previous.duration() * 1000)) : now;
        Instant need = chained.isAfter(now) ? chained : now;
        playheadNeed = need;
        return need;
    }

    boolean live() {
        return latest == null || !latest.endList();
    }

    void remember(MediaPlaylist playlist) {
        for (MediaSegment s : playlist.segments()) {
            known.put(s.mediaSequence(), s);
        }
        if (!playlist.endList()) {
            // Live: two windows behind the playlist are plenty for a player or peer a little behind; every
            // segment ever seen kept an hour's soak growing (+4 MiB per engine, +15 %).
            known.headMap(playlist.mediaSequence() - 2L * playlist.segments().size(), false).clear();
        }
        while (known.size() > MAX_KNOWN) {
            known.pollFirstEntry();
        }
    }

    /** Segments after the playhead, ascending: a view of the known segments, read before they change. */
    Collection<MediaSegment> segmentsAhead() {
        if (playhead < 0) {
            return List.of();
        }
        return known.tailMap(playhead, false).values();
    }

    TrackInfo info() {
        return new TrackInfo(index, name, originUri, bandwidth, resolution, live());
    }
}
