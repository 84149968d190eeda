/**
 * The player bridge: a small media player API over vlcj and libVLC 3 that knows nothing of P2P and
 * works without a display.
 *
 * <p>Entry points: {@link io.p2pviewer.player.VlcjPlayerBridge#headless(PlayerOptions)} and
 * {@link io.p2pviewer.player.VlcjPlayerBridge#forJavaFx(PlayerOptions)}, configured with
 * {@link io.p2pviewer.player.PlayerOptions}; the API is {@link io.p2pviewer.player.PlayerBridge},
 * its events {@link io.p2pviewer.player.PlayerEvent}. Each bridge owns two threads: a control thread
 * that alone calls libVLC, and an event thread that alone calls listeners. libVLC's own threads only
 * copy what they observe and hand it over.
 *
 * <p>System requirements: {@code libvlc5} and {@code vlc-plugin-base} (libVLC 3.0).
 */
package io.p2pviewer.player;
