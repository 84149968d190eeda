package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.Channel;

/**
 * Where the sidebar sends the channel to play: the window wires it to its player (URL, and the channel's HTTP
 * headers where the player takes them). Called on the FX thread; must not block.
 */
@FunctionalInterface
public interface ChannelPlayer {
    void play(Channel channel);

    /**
     * Plays a stream that is no channel of a list (an HLS playlist given on the command line), as a channel
     * named by its URL, without headers.
     */
    default void playStream(String url) {
        play(new Channel(url, url, null, null, null, null, null, -1, null, java.util.Map.of(), 0));
    }
}
