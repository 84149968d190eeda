package io.p2pviewer.player;

import java.util.List;
import java.util.Objects;

/**
 * What the playing media offers to choose from, as libVLC last reported it (polled about once a second).
 *
 * @param seekable      whether libVLC can seek in the media (on-demand; a live window sometimes)
 * @param audio         libVLC's audio tracks, "Disable" first when there are any
 * @param audioId       the id of the audio track playing, -1 for none
 * @param subtitles     libVLC's subtitle tracks, "Disable" first when there are any
 * @param subtitleId    the id of the subtitle track shown, -1 for none
 */
public record MediaTracks(boolean seekable, List<TrackChoice> audio, int audioId, List<TrackChoice> subtitles,
                          int subtitleId) {
    /** Nothing playing: nothing to choose. */
    public static final MediaTracks NONE = new MediaTracks(false, List.of(), -1, List.of(), -1);

    public MediaTracks {
        audio = List.copyOf(Objects.requireNonNull(audio, "audio"));
        subtitles = List.copyOf(Objects.requireNonNull(subtitles, "subtitles"));
    }
}
