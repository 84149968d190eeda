package io.p2pviewer.player;

/**
 * A receiver of {@link PlayerEvent}s from a {@link PlayerBridge}.
 *
 * <p>Threading: every listener of a bridge is called on that bridge's single event thread
 * (named {@code player-bridge-N-events}), never on a libVLC thread and never on the JavaFX thread.
 * Implementations must return quickly and must not block (hand long work to another thread,
 * use {@code Platform.runLater} for UI updates). A listener may call the bridge's methods,
 * including {@code close()}. An exception thrown by a listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface PlayerListener {

    /** Receives one event; called on the bridge's event thread, must not block. */
    void onEvent(PlayerEvent event);
}
