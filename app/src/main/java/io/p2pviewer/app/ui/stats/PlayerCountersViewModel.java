package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;

/**
 * libVLC's counters as text: frames the video surface showed ({@code framesDisplayed}), the picture size, pictures decoded,
 * displayed and lost, input and demux bitrate, corrupted packets and discontinuities, audio. FX thread only.
 */
public final class PlayerCountersViewModel {
    private final CounterGroup counters = new CounterGroup()
            .add("framesDisplayed", "Frames shown")
            .add("pictureSize", "Picture size")
            .add("decodedVideo", "Decoded video")
            .add("displayedPictures", "Displayed (libVLC)")
            .add("lostPictures", "Lost pictures")
            .add("inputBitrate", "Input bitrate")
            .add("demuxBitrate", "Demux bitrate")
            .add("demuxCorrupted", "Corrupted")
            .add("demuxDiscontinuity", "Discontinuities")
            .add("decodedAudio", "Decoded audio")
            .add("lostAudioBuffers", "Lost audio buffers");

    public CounterGroup counters() {
        return counters;
    }

    public void update(PlayerStatus status, PlayerStats p) {
        counters.set("framesDisplayed", Long.toString(status.framesDisplayed()));
        counters.set("pictureSize", status.videoWidth() > 0
                ? status.videoWidth() + "×" + status.videoHeight() : CounterGroup.NONE);
        counters.set("decodedVideo", Long.toString(p.decodedVideo()));
        counters.set("displayedPictures", Long.toString(p.displayedPictures()));
        counters.set("lostPictures", Long.toString(p.lostPictures()));
        counters.set("inputBitrate", Format.rate(p.inputKbps() * 125));
        counters.set("demuxBitrate", Format.rate(p.demuxKbps() * 125));
        counters.set("demuxCorrupted", Long.toString(p.demuxCorrupted()));
        counters.set("demuxDiscontinuity", Long.toString(p.demuxDiscontinuity()));
        counters.set("decodedAudio", Long.toString(p.decodedAudio()));
        counters.set("lostAudioBuffers", Long.toString(p.lostAudioBuffers()));
    }
}
