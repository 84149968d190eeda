package io.p2pviewer.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.playback.Playback;
import io.p2pviewer.app.playback.PlayerDefaults;
import io.p2pviewer.demo.DemoMode;
import io.p2pviewer.demo.DemoOrigin;
import io.p2pviewer.demo.DemoOriginConfig;
import io.p2pviewer.engine.Engine;
import io.p2pviewer.engine.EngineConfig;
import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.VlcjPlayerBridge;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Zapping: while one channel plays, the time from the request for the next channel to its first frame, through
 * the engine ({@link Playback#open}: the previous stream closed, the next master fetched, libVLC started on the
 * proxy) against libVLC switching to the same URLs directly, interleaved in one run. Three live channels (three
 * demo origins), round robin, with the app's libVLC options ({@link PlayerDefaults}). Run: {@code xvfb-run -a mvn -Pbench verify -pl app -am
 * -Dit.test=ZappingBenchIT -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class ZappingBenchIT {
    private static final int ZAPS = 12;
    private static final int CHANNELS = 3;

    @Test
    void zapToFirstFrameEngineVersusDirect() throws Exception {
        List<DemoOrigin> origins = new ArrayList<>();
        try (Engine engine = Engine.start(EngineConfig.builder().build());
             PlayerBridge player = VlcjPlayerBridge.headless(PlayerDefaults.options("adummy").build());
             Playback playback = new Playback(engine, player, Clock.systemUTC())) {
            for (int i = 0; i < CHANNELS; i++) {
                origins.add(DemoOrigin.start(DemoOriginConfig.builder().mode(DemoMode.LIVE).build()));
            }
            List<URI> channels = origins.stream().map(DemoOrigin::masterUri).toList();
            // Warm-up: libVLC's plugins, the engine's connections; each mode starts from a channel playing.
            zap(player, () -> player.play(channels.get(0).toString()));
            long[] direct = new long[ZAPS];
            long[] viaEngine = new long[ZAPS];
            long[] engineOpen = new long[ZAPS];
            for (int i = 0; i < ZAPS; i++) {
                URI from = channels.get(i % CHANNELS);
                URI to = channels.get((i + 1) % CHANNELS);
                zap(player, () -> player.play(from.toString()));
                direct[i] = zap(player, () -> player.play(to.toString()));
                zap(player, () -> playback.open(from));
                int zap = i;
                long[] start = new long[1];
                viaEngine[i] = zap(player, () -> {
                    start[0] = System.nanoTime();
                    playback.open(to).thenRun(() -> engineOpen[zap] = (System.nanoTime() - start[0]) / 1_000_000);
                });
            }
            double d = FirstFrames.median(direct);
            double e = FirstFrames.median(viaEngine);
            System.out.printf(Locale.ROOT, "BENCH zap direct   ms: %s median %.0f%n", Arrays.toString(direct), d);
            System.out.printf(Locale.ROOT, "BENCH zap engine   ms: %s median %.0f%n", Arrays.toString(viaEngine), e);
            System.out.printf(Locale.ROOT, "BENCH zap engine open (master fetched and parsed) ms: %s median %.0f%n",
                    Arrays.toString(engineOpen), FirstFrames.median(engineOpen));
            System.out.printf(Locale.ROOT, "BENCH zap ratio engine/direct: %.2f (goal <= 1.10)%n", e / d);
            assertThat(d).isPositive();
            assertThat(e).isPositive();
        } finally {
            origins.forEach(DemoOrigin::close);
        }
    }

    /** Wall time from the zap request to the next first frame, in ms; the channel plays on a moment after it. */
    private static long zap(PlayerBridge player, Runnable request) throws InterruptedException {
        long ms = FirstFrames.after(player, request);
        Thread.sleep(700); // watch a moment, as a person zapping does
        return ms;
    }
}
