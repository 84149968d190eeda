package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.channels.Channel;

/** One row of the channel sidebar: a group's header (which folds or unfolds it) or a channel. Immutable. */
public sealed interface SidebarRow {
    /**
     * A group's header in the list of all channels.
     *
     * @param group     the group's name
     * @param channels  how many of its channels the search matches
     * @param collapsed whether its channels are hidden
     */
    record GroupHeader(String group, int channels, boolean collapsed) implements SidebarRow {
    }

    /** A channel's row. */
    record ChannelRow(Channel channel) implements SidebarRow {
    }
}
