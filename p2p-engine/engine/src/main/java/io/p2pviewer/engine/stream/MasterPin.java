package io.p2pviewer.engine.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * A rewritten master playlist cut down to one variant: the player asked for a fixed quality, so the master it
 * reads offers it nothing else to switch to, while the stream, its tracks and their swarms stay as opened (peers
 * watching that variant through the full master are still in the same swarm).
 */
final class MasterPin {
    private static final String STREAM_INF = "#EXT-X-STREAM-INF";

    private MasterPin() {
    }

    /** Whether the rewritten master lists a variant (not a rendition) on track {@code track}. */
    static boolean isVariant(String rewrittenMaster, int track) {
        String wanted = "t/" + track + "/playlist.m3u8";
        boolean afterStreamInf = false;
        for (String line : rewrittenMaster.split("\n")) {
            if (line.startsWith(STREAM_INF)) {
                afterStreamInf = true;
            } else if (afterStreamInf && !line.isBlank() && !line.startsWith("#")) {
                if (line.strip().equals(wanted)) {
                    return true;
                }
                afterStreamInf = false;
            }
        }
        return false;
    }

    /**
     * The master (as rewritten by the engine, variant URIs {@code t/N/playlist.m3u8}) with only the variant of
     * track {@code track}; every other line (renditions, I-frame variants, header tags) kept. Unchanged when no
     * variant has that track.
     */
    static String only(String rewrittenMaster, int track) {
        String wanted = "t/" + track + "/playlist.m3u8";
        List<String> lines = List.of(rewrittenMaster.split("\n", -1));
        List<String> out = new ArrayList<>(lines.size());
        List<String> pending = null;
        boolean found = false;
        for (String line : lines) {
            if (pending == null && line.startsWith(STREAM_INF)) {
                pending = new ArrayList<>(List.of(line));
            } else if (pending != null) {
                pending.add(line);
                if (!line.isBlank() && !line.startsWith("#")) { // the variant's URI line ends its entry
                    if (line.strip().equals(wanted)) {
                        out.addAll(pending);
                        found = true;
                    }
                    pending = null;
                }
            } else {
                out.add(line);
            }
        }
        if (pending != null) {
            out.addAll(pending);
        }
        return found ? String.join("\n", out) : rewrittenMaster;
    }
}
