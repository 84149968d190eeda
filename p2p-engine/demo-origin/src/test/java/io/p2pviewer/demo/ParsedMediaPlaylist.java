package io.p2pviewer.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A media playlist read back by tests: its header tags and its segments in order.
 *
 * @param tags     each header tag's value by name (e.g. {@code EXT-X-MEDIA-SEQUENCE -> 3})
 * @param segments the segments in order
 * @param endList  whether the playlist ends with {@code EXT-X-ENDLIST}
 */
record ParsedMediaPlaylist(Map<String, String> tags, List<Entry> segments, boolean endList) {

    /**
     * One listed segment.
     *
     * @param uri                 the URI line
     * @param duration            the EXTINF duration text, e.g. {@code 2.000}
     * @param discontinuityBefore whether an EXT-X-DISCONTINUITY precedes it
     */
    record Entry(String uri, String duration, boolean discontinuityBefore) {
    }

    static ParsedMediaPlaylist parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<Entry> segments = new ArrayList<>();
        boolean endList = false;
        boolean discontinuity = false;
        String duration = null;
        String[] lines = text.split("\n");
        if (!lines[0].equals("#EXTM3U")) {
            throw new IllegalArgumentException("not a playlist: " + text);
        }
        for (String line : lines) {
            if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (line.equals("#EXT-X-ENDLIST")) {
                endList = true;
            } else if (line.startsWith("#EXTINF:")) {
                duration = line.substring("#EXTINF:".length(), line.indexOf(','));
            } else if (line.startsWith("#EXT-X-") && line.contains(":")) {
                tags.put(line.substring(1, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
            } else if (!line.startsWith("#") && !line.isEmpty()) {
                segments.add(new Entry(line, duration, discontinuity));
                discontinuity = false;
                duration = null;
            }
        }
        return new ParsedMediaPlaylist(tags, segments, endList);
    }

    long mediaSequence() {
        return Long.parseLong(tags.get("EXT-X-MEDIA-SEQUENCE"));
    }

    long discontinuitySequence() {
        return Long.parseLong(tags.get("EXT-X-DISCONTINUITY-SEQUENCE"));
    }

    List<String> uris() {
        return segments.stream().map(Entry::uri).toList();
    }

    /** The URIs of the segments preceded by a discontinuity tag. */
    List<String> discontinuityUris() {
        return segments.stream().filter(Entry::discontinuityBefore).map(Entry::uri).toList();
    }
}
