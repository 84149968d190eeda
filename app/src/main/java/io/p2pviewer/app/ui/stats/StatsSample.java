package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.peer.tracker.TrackerStatus;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the stats panel shows, taken at one instant off the FX thread. Immutable.
 *
 * @param engine the stream session's snapshot, null while no stream is open
 * @param recentSegments the last segments served to the player, oldest first (empty while idle)
 * @param trackers the latest status of each tracker (empty without P2P or before the first announce)
 * @param p2pNotices what the P2P stack says about reaching peers (e.g. "peers found but unreachable: configure a
 *     TURN server"), one line each
 */
public record StatsSample(EngineSnapshot engine, PlayerStatus player, PlayerStats playerStats, int stalls,
                          Duration stallTime, List<ServedSegment> recentSegments,
                          Map<URI, TrackerStatus> trackers, List<String> p2pNotices) {
    /** A sample without P2P notices. */
    public StatsSample(EngineSnapshot engine, PlayerStatus player, PlayerStats playerStats, int stalls,
                       Duration stallTime, List<ServedSegment> recentSegments, Map<URI, TrackerStatus> trackers) {
        this(engine, player, playerStats, stalls, stallTime, recentSegments, trackers, List.of());
    }

    public StatsSample {
        p2pNotices = p2pNotices == null ? List.of() : List.copyOf(p2pNotices);
        Objects.requireNonNull(player, "player");
        playerStats = playerStats == null ? PlayerStats.NONE : playerStats;
        stallTime = stallTime == null ? Duration.ZERO : stallTime;
        recentSegments = recentSegments == null ? List.of() : List.copyOf(recentSegments);
        trackers = trackers == null ? Map.of() : Map.copyOf(trackers);
    }
}
