package io.p2pviewer.app.channels;

import java.util.List;

/**
 * What a playlist held: its channels in playlist order, the guide URLs its header names ({@code x-tvg-url} or
 * {@code url-tvg}, split at commas) and one warning per line that was skipped.
 */
public record ChannelList(List<Channel> channels, List<String> guideUrls, List<ReadWarning> warnings) {
    public ChannelList {
        channels = List.copyOf(channels);
        guideUrls = List.copyOf(guideUrls);
        warnings = List.copyOf(warnings);
    }
}
