package io.p2pviewer.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.player.PlayerBridge;
import io.p2pviewer.player.PlayerEvent;
import io.p2pviewer.player.PlayerListener;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Timing helpers of the playback benchmarks: wall time to the next first frame, and medians. */
final class FirstFrames {
    private FirstFrames() {
    }

    /** Wall time from running {@code start} to the player's next first frame, in ms (fails after 20 s). */
    static long after(PlayerBridge player, Runnable start) throws InterruptedException {
        CountDownLatch frame = new CountDownLatch(1);
        PlayerListener listener = ev -> {
            if (ev instanceof PlayerEvent.FirstFrame) {
                frame.countDown();
            }
        };
        player.addListener(listener);
        long t0 = System.nanoTime();
        start.run();
        boolean ok = frame.await(20, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        player.removeListener(listener);
        assertThat(ok).as("first frame within 20 s").isTrue();
        return ms;
    }

    static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
