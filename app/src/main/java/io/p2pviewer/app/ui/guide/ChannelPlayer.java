package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.CatchupUrl;
import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.guide.Programme;

/** Plays a channel chosen in the guide, or a past programme's archive; the app wires it to the player. FX thread. */
public interface ChannelPlayer {
    /** Plays the channel live. */
    void play(Channel channel);

    /** Plays the catch-up archive of a programme on {@code channel} (finished, or from its start). */
    void replay(Channel channel, Programme programme, CatchupUrl.Archive archive);
}
