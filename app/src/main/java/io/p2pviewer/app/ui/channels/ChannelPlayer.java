package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.Channel;

/**
 * Where the sidebar sends the channel to play: the window wires it to its player (URL, and the channel's HTTP
 * headers where the player takes them). Called on the FX thread; must not block.
 */
@FunctionalInterface
public interface ChannelPlayer {
    void play(Channel channel);
}
