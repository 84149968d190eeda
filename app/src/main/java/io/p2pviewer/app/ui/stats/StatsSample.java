package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;
import java.time.Duration;

/** Everything the stats panel shows, taken at one instant off the FX thread. {@code engine} is null when idle. */
public record StatsSample(EngineSnapshot engine, PlayerStatus player, PlayerStats playerStats, int stalls,
                          Duration stallTime) {
}
