package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which segments a live engine with a slow uplink leaves to faster engines before it prefetches them. */
class FreshSegmentsLeftToFastUplinksTest {
    private static TreeMap<Long, String> known(long first, long last) {
        TreeMap<Long, String> m = new TreeMap<>();
        for (long seq = first; seq <= last; seq++) {
            m.put(seq, "seg-" + seq);
        }
        return m;
    }

    @Test
    void aSlowLiveEngineLeavesOnlyThePlaylistsNewestSegment() {
        assertThat(TrackP2p.FRESH_LEFT_TO_FAST_UPLINKS).isEqualTo(1);
        assertThat(TrackP2p.firstLeftToFastUplinks(true, known(100, 107))).isEqualTo(107);
    }

    @Test
    void otherEnginesAndAnEmptyTrackLeaveNothing() {
        assertThat(TrackP2p.firstLeftToFastUplinks(false, known(100, 107))).isEqualTo(Long.MAX_VALUE);
        assertThat(TrackP2p.firstLeftToFastUplinks(true, known(1, 0))).isEqualTo(Long.MAX_VALUE);
    }
}
