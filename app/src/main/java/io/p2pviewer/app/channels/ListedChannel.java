package io.p2pviewer.app.channels;

import io.p2pviewer.app.channels.guide.Programme;

/** A channel with what its guide shows at a given time: {@code now} and {@code next} are null when unknown. */
public record ListedChannel(Channel channel, Programme now, Programme next) {
}
