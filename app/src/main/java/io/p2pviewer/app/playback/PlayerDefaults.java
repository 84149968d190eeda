package io.p2pviewer.app.playback;

import io.p2pviewer.player.PlayerOptions;
import java.util.List;

/** libVLC settings of the app's players. */
public final class PlayerDefaults {
    /**
     * Live HLS: stay 15 s behind the live edge (libVLC's default, made explicit) and keep at most 6 s buffered.
     * libVLC otherwise reads every new live segment the moment it appears (30 s max buffer), which leaves peers
     * no time to deliver it; with these it asks for a segment about 6 s after the origin publishes it.
     */
    public static final List<String> LIBVLC_ARGS = List.of("--adaptive-livedelay=15000", "--adaptive-maxbuffer=6000");

    /**
     * The demo plays its top variant: the origin is local, and the demo's peers watch that variant (one swarm
     * per variant), so an adaptive start on the low variant would leave the window alone in its swarm.
     */
    public static final String DEMO_ARG = "--adaptive-logic=highest";

    private PlayerDefaults() {
    }

    public static PlayerOptions.Builder options(String audioOutput) {
        return PlayerOptions.builder().audioOutput(audioOutput).extraLibVlcArgs(LIBVLC_ARGS);
    }
}
