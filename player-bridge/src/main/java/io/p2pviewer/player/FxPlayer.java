package io.p2pviewer.player;

import java.util.Objects;

/**
 * A player with its JavaFX video node, as {@link VlcjPlayerBridge#forJavaFx(PlayerOptions)} returns it.
 *
 * @param bridge the player
 * @param view   the node that shows its video (put it in a scene on the JavaFX thread)
 */
public record FxPlayer(PlayerBridge bridge, FxVideoView view) implements AutoCloseable {

    public FxPlayer {
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(view, "view");
    }

    /** Closes the player; the view keeps showing the last frame. */
    @Override
    public void close() {
        bridge.close();
    }
}
