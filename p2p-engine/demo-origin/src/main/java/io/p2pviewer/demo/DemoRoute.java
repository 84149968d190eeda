package io.p2pviewer.demo;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request path of the demo origin names; {@link #parse} is the origin's whole URL layout.
 *
 * <pre>
 * /{live|vod}/master.m3u8
 * /{live|vod}/{variant}/playlist.m3u8
 * /{live|vod}/{variant}/seg-{mediaSequence}.ts
 * /{live|vod}/{variant}/segments-sha256.json
 * /{live|vod}/keys/demo.key
 * /{live|vod}/keys/demo-{period}.key
 * </pre>
 */
sealed interface DemoRoute {

    /** The accounting kind of this route. */
    RequestKind kind();

    /** The variant named by the path, or null. */
    default String variant() {
        return null;
    }

    /** The media sequence number of a segment route, else -1. */
    default long mediaSequence() {
        return -1;
    }

    /** {@code /{mode}/master.m3u8}. */
    record Master(DemoMode mode) implements DemoRoute {
        @Override
        public RequestKind kind() {
            return RequestKind.MASTER;
        }
    }

    /** {@code /{mode}/{variant}/playlist.m3u8}. */
    record MediaPlaylist(DemoMode mode, String variant) implements DemoRoute {
        @Override
        public RequestKind kind() {
            return RequestKind.MEDIA_PLAYLIST;
        }
    }

    /** {@code /{mode}/{variant}/seg-{mediaSequence}.ts}. */
    record Segment(DemoMode mode, String variant, long mediaSequence) implements DemoRoute {
        @Override
        public RequestKind kind() {
            return RequestKind.SEGMENT;
        }
    }

    /** {@code /{mode}/{variant}/segments-sha256.json}. */
    record SegmentHashes(DemoMode mode, String variant) implements DemoRoute {
        @Override
        public RequestKind kind() {
            return RequestKind.SEGMENT_HASHES;
        }
    }

    /** {@code /{mode}/keys/demo.key} (period {@link ContentKeys#SINGLE}) or {@code /{mode}/keys/demo-{p}.key}. */
    record Key(DemoMode mode, long period) implements DemoRoute {
        /** The one key of a stream whose keys do not rotate. */
        Key(DemoMode mode) {
            this(mode, ContentKeys.SINGLE);
        }

        @Override
        public RequestKind kind() {
            return RequestKind.KEY;
        }
    }

    /** Any other path. */
    record NotFound() implements DemoRoute {
        @Override
        public RequestKind kind() {
            return RequestKind.OTHER;
        }
    }

    /** Only canonical numbers: no sign, no leading zeros, at most 18 digits. */
    Pattern SEGMENT_FILE = Pattern.compile("seg-(0|[1-9][0-9]{0,17})\\.ts");
    /** A rotating key's file, its period a canonical number. */
    Pattern KEY_FILE = Pattern.compile("demo-(0|[1-9][0-9]{0,17})\\.key");

    /** Parses a decoded request path; paths naming a variant not in {@code variants} are {@link NotFound}. */
    static DemoRoute parse(String path, Set<String> variants) {
        if (path == null || !path.startsWith("/")) {
            return new NotFound();
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            return new NotFound();
        }
        DemoMode mode = switch (parts[0]) {
            case "live" -> DemoMode.LIVE;
            case "vod" -> DemoMode.VOD;
            default -> null;
        };
        if (mode == null) {
            return new NotFound();
        }
        if (parts.length == 2) {
            return parts[1].equals("master.m3u8") ? new Master(mode) : new NotFound();
        }
        String directory = parts[1];
        String file = parts[2];
        if (directory.equals("keys")) {
            if (file.equals(DemoPlaylists.KEY_FILE)) {
                return new Key(mode);
            }
            Matcher key = KEY_FILE.matcher(file);
            return key.matches() ? new Key(mode, Long.parseLong(key.group(1))) : new NotFound();
        }
        if (!variants.contains(directory)) {
            return new NotFound();
        }
        if (file.equals("playlist.m3u8")) {
            return new MediaPlaylist(mode, directory);
        }
        if (file.equals("segments-sha256.json")) {
            return new SegmentHashes(mode, directory);
        }
        Matcher segment = SEGMENT_FILE.matcher(file);
        if (segment.matches()) {
            return new Segment(mode, directory, Long.parseLong(segment.group(1)));
        }
        return new NotFound();
    }
}
