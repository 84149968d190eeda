package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.Channel;

/** Plays a channel chosen in the guide; the app wires it to the player. Called on the FX thread. */
@FunctionalInterface
public interface ChannelPlayer {
    void play(Channel channel);
}
