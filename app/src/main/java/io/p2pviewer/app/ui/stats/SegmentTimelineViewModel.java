package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.peer.swarm.PeerIds;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The segment timeline: the last {@value #CELLS} segments served to the player, oldest first, one coloured cell
 * each with a tooltip (sequence, variant, source, peer, bytes, fetch time, how it was verified). FX thread only.
 */
public final class SegmentTimelineViewModel {
    /** Cells shown. */
    public static final int CELLS = 40;

    private final ObservableList<SegmentCell> cells = FXCollections.observableArrayList();
    private final ObservableList<SegmentCell> readOnly = FXCollections.unmodifiableObservableList(cells);

    /** The cells, oldest first, at most {@value #CELLS}. */
    public ObservableList<SegmentCell> cells() {
        return readOnly;
    }

    /** Shows the latest segments (changes the list only when they differ). */
    public void update(List<ServedSegment> recent) {
        List<SegmentCell> next = recent.subList(Math.max(0, recent.size() - CELLS), recent.size()).stream()
                .map(SegmentTimelineViewModel::cell).toList();
        if (!next.equals(cells)) {
            cells.setAll(next);
        }
    }

    static SegmentCell cell(ServedSegment s) {
        return new SegmentCell(s.mediaSequence(), s.source(), SourceColors.styleClass(s.source()), tooltip(s));
    }

    /** The tooltip of a segment, four lines. */
    static String tooltip(ServedSegment s) {
        String from = switch (s.source()) {
            case PEER -> "P2P from peer " + peerName(s);
            case CDN -> "CDN";
            case FALLBACK -> s.peerBytes() > 0
                    ? "Fallback: " + Format.bytes(s.peerBytes()) + " from peer " + peerName(s)
                            + ", the rest from the CDN"
                    : "Fallback: CDN after a peer fetch failed";
        };
        return "#" + s.mediaSequence() + " · " + s.variant() + " · "
                + String.format(Locale.ROOT, "%.1f s", s.durationSeconds()) + "\n"
                + from + "\n"
                + Format.bytes(s.bytes()) + " in " + s.fetchMillis() + " ms\n"
                + "verified by " + verification(s.verifiedBy(), s.source());
    }

    private static String peerName(ServedSegment s) {
        return s.peer() == null ? "?" : PeerIds.shortId(s.peer());
    }

    private static String verification(String verifiedBy, DeliverySource source) {
        if (verifiedBy == null || verifiedBy.isEmpty()) {
            return source == DeliverySource.PEER ? "nothing" : "origin (CDN)";
        }
        return switch (verifiedBy) {
            case "sha256" -> "hash (SHA-256)";
            case "structure" -> "structure (no hash list)";
            case "origin" -> "origin (CDN)";
            default -> verifiedBy;
        };
    }
}
