package io.p2pviewer.app.playback;

import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.PlayerOptions;
import io.p2pviewer.player.VlcjPlayerBridge;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/** The demo origin, an engine, a headless libVLC player and the playback over them; closed in the safe order. */
record PlaybackRig(DemoOrigin origin, Engine engine, PlayerBridge player, Playback playback)
        implements AutoCloseable {

    static PlaybackRig start(DemoMode mode, Duration noProgressTimeout) throws IOException {
        DemoOrigin origin = DemoOrigin.start(DemoOriginConfig.builder().mode(mode).build());
        Engine engine = Engine.start(EngineConfig.builder().build());
        PlayerBridge player = VlcjPlayerBridge.headless(
                PlayerOptions.builder().noProgressTimeout(noProgressTimeout).build());
        return new PlaybackRig(origin, engine, player, new Playback(engine, player, Clock.systemUTC()));
    }

    @Override
    public void close() {
        playback.close();
        player.close();
        engine.close();
        origin.close();
    }
}
