package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.http.TextResponse;
import io.p2pviewer.engine.peer.swarm.StreamType;
import io.p2pviewer.engine.peer.swarm.SwarmIds;
import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.Playlist;
import io.p2pviewer.engine.playlist.PlaylistException;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.PlaylistRewriter;
import io.p2pviewer.engine.playlist.Rendition;
import io.p2pviewer.engine.playlist.RenditionType;
import io.p2pviewer.engine.playlist.Variant;
import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the first playlist of a stream into a {@link StreamController}: one track per variant and per alternate
 * rendition with its own URI, and the master rewritten so every media playlist is read through the proxy.
 */
public final class StreamOpener {
    private StreamOpener() {
    }

    /** Engine thread. The first response is parsed here; a bad playlist fails with a typed exception. */
    public static StreamController open(String id, URI requested, TextResponse first, StreamContext context)
            throws StreamException {
        Playlist playlist;
        try {
            playlist = PlaylistParser.parse(first.finalUri(), first.body());
        } catch (PlaylistException e) {
            throw new StreamException(e.reason() == PlaylistException.Reason.NOT_TEXT ? StreamException.Kind.NOT_TEXT
                    : StreamException.Kind.MALFORMED_PLAYLIST, "Not a valid HLS playlist: " + e.getMessage(), e);
        }
        return switch (playlist) {
            case MasterPlaylist master -> openMaster(id, requested, master, context);
            case MediaPlaylist media -> openMedia(id, requested, media, context);
        };
    }

    private static StreamController openMaster(String id, URI requested, MasterPlaylist master,
                                               StreamContext context) throws StreamException {
        requirePlayable(requested, master);
        List<Track> tracks = new ArrayList<>();
        Map<Variant, Integer> variantTracks = new HashMap<>();
        Map<Rendition, Integer> renditionTracks = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (Variant v : master.variants()) {
            String resolution = v.resolution() == null ? "" : v.resolution().width() + "x" + v.resolution().height();
            String base = v.resolution() != null ? v.resolution().height() + "p"
                    : Math.max(1, v.bandwidth() / 1000) + "k";
            Track t = new Track(tracks.size(), unique(names, base), v.uri(), v.bandwidth(), resolution);
            variantTracks.put(v, t.index);
            tracks.add(t);
        }
        for (Rendition r : master.renditions()) {
            if (r.uri() == null) {
                continue;
            }
            String label = r.language() != null ? r.language() : (r.name() != null ? r.name() : "" + r.index());
            String base = r.type().toString().toLowerCase(java.util.Locale.ROOT) + "-" + label;
            Track t = new Track(tracks.size(), unique(names, base.replaceAll("[^A-Za-z0-9_.-]", "_")), r.uri(), 0, "");
            renditionTracks.put(r, t.index);
            tracks.add(t);
        }
        if (tracks.isEmpty()) {
            throw new StreamException(StreamException.Kind.MALFORMED_PLAYLIST,
                    "The master playlist lists no variants");
        }
        String base = SwarmIds.baseSwarmId(swarmIdOverride(context), master.uri()) + context.swarmQualifier();
        for (Variant v : master.variants()) {
            name(tracks.get(variantTracks.get(v)), base, StreamType.MAIN, SwarmIds.variantIndex(v));
        }
        for (Rendition r : master.renditions()) {
            Integer t = renditionTracks.get(r);
            // Only audio renditions have swarms (p2p-media-loader shares main and audio streams); a subtitle or
            // video rendition's track is fetched from the CDN alone. Naming one failed the whole open.
            if (t != null && r.type() == RenditionType.AUDIO) {
                name(tracks.get(t), base, StreamType.SECONDARY, SwarmIds.renditionIndex(r, master.variants()));
            }
        }
        String text = PlaylistRewriter.rewriteMaster(master, new PlaylistRewriter.MasterUriMapper() {
            @Override
            public String variantUri(Variant v) {
                return "t/" + variantTracks.get(v) + "/playlist.m3u8";
            }

            @Override
            public String renditionUri(Rendition r) {
                return "t/" + renditionTracks.get(r) + "/playlist.m3u8";
            }
        });
        return new StreamController(id, requested, text, tracks, context);
    }

    private static StreamController openMedia(String id, URI requested, MediaPlaylist media,
                                              StreamContext context) {
        Track track = new Track(0, "main", requested, 0, "");
        // hls.js makes a level without attributes from a lone media playlist; its index hashes an unknown bitrate.
        Variant level = new Variant(0, media.uri(), 0, null, null, null, null, null, null, null, null, null, -1, -1);
        name(track, SwarmIds.baseSwarmId(swarmIdOverride(context), media.uri()) + context.swarmQualifier(),
                StreamType.MAIN, SwarmIds.variantIndex(level));
        StreamController controller = new StreamController(id, requested, null, List.of(track), context);
        controller.accept(track, media);
        return controller;
    }

    /**
     * Fails, saying so, for a master playlist that points at itself (a variant or rendition whose URI is the
     * master's own) or at nothing playable (no variant or rendition URI is http(s)): libVLC would otherwise loop or
     * give up with a guess.
     */
    static void requirePlayable(URI requested, MasterPlaylist master) throws StreamException {
        List<URI> uris = new ArrayList<>();
        master.variants().forEach(v -> uris.add(v.uri()));
        master.renditions().stream().filter(r -> r.uri() != null).forEach(r -> uris.add(r.uri()));
        for (URI uri : uris) {
            if (sameResource(uri, master.uri()) || sameResource(uri, requested)) {
                throw new StreamException(StreamException.Kind.MALFORMED_PLAYLIST,
                        "The master playlist points at itself (" + Redacted.url(uri) + "): nothing to play");
            }
        }
        if (!uris.isEmpty() && uris.stream().noneMatch(StreamOpener::isHttp)) {
            throw new StreamException(StreamException.Kind.MALFORMED_PLAYLIST,
                    "The master playlist lists nothing playable: no variant URI is http(s) (first: "
                            + Redacted.url(uris.get(0)) + ")");
        }
    }

    private static boolean sameResource(URI a, URI b) {
        return a != null && b != null && a.normalize().toString().replaceFirst("#.*$", "")
                .equals(b.normalize().toString().replaceFirst("#.*$", ""));
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    /**
     * Gives a track its p2p-media-loader swarm identity: one swarm per variant and per audio rendition; and the same
     * id with its base masked for the log (the base is the master URL, which may carry a subscriber's credentials).
     */
    private static void name(Track track, String base, StreamType type, String index) {
        track.swarmId = SwarmIds.streamSwarmId(base, type, index);
        track.infoHash = SwarmIds.infoHash(track.swarmId);
        track.shownSwarmId = SwarmIds.streamSwarmId(Redacted.url(base), type, index);
    }

    private static String swarmIdOverride(StreamContext context) {
        return context.p2p() == null ? null : context.p2p().swarmId();
    }

    private static String unique(Set<String> names, String base) {
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
