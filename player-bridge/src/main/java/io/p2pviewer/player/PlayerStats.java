package io.p2pviewer.player;

import uk.co.caprica.vlcj.media.MediaStatistics;

/**
 * libVLC's statistics for the current media, in the units vlcj gives them.
 *
 * <p>Counts are cumulative since the media was opened. Byte counts are bytes. Bitrates are
 * libVLC's raw values in <b>bytes per microsecond</b> (multiply by 8000 for kbit/s; see
 * {@link #inputKbps()} and {@link #demuxKbps()}). For HLS, libVLC's "input" is the playlist
 * access only: the segments are read by its adaptive demuxer and show up in the demux counters.
 *
 * @param decodedVideo        video frames decoded
 * @param displayedPictures   pictures the video output displayed
 * @param lostPictures        pictures lost (late or dropped)
 * @param decodedAudio        audio blocks decoded
 * @param playedAudioBuffers  audio buffers played
 * @param lostAudioBuffers    audio buffers lost
 * @param inputBitrate        input bitrate, bytes per microsecond
 * @param demuxBitrate        demux bitrate, bytes per microsecond
 * @param readBytes           bytes read by the input
 * @param demuxReadBytes      bytes read by the demuxer
 * @param demuxCorrupted      corrupted packets the demuxer saw
 * @param demuxDiscontinuity  discontinuities the demuxer saw
 */
public record PlayerStats(
        long decodedVideo,
        long displayedPictures,
        long lostPictures,
        long decodedAudio,
        long playedAudioBuffers,
        long lostAudioBuffers,
        float inputBitrate,
        float demuxBitrate,
        long readBytes,
        long demuxReadBytes,
        long demuxCorrupted,
        long demuxDiscontinuity) {

    /** Statistics of a player that has no media (all zero). */
    public static final PlayerStats NONE = new PlayerStats(0, 0, 0, 0, 0, 0, 0f, 0f, 0, 0, 0, 0);

    /** The input bitrate in kbit/s. */
    public double inputKbps() {
        return inputBitrate * 8000.0;
    }

    /** The demux bitrate in kbit/s. */
    public double demuxKbps() {
        return demuxBitrate * 8000.0;
    }

    static PlayerStats of(MediaStatistics s) {
        return new PlayerStats(
                s.decodedVideo(), s.picturesDisplayed(), s.picturesLost(),
                s.decodedAudio(), s.audioBuffersPlayed(), s.audioBuffersLost(),
                s.inputBitrate(), s.demuxBitrate(),
                Integer.toUnsignedLong(s.inputBytesRead()), Integer.toUnsignedLong(s.demuxBytesRead()),
                s.demuxCorrupted(), s.demuxDiscontinuity());
    }
}
