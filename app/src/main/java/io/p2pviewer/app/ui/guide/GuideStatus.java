package io.p2pviewer.app.ui.guide;

/**
 * What the guide service is doing, for a status line.
 *
 * @param loading whether guides are being read now
 * @param message one line: progress while loading, what the guide holds after
 * @param error   one line naming why the last read failed (the previous guide is kept), or empty
 */
public record GuideStatus(boolean loading, String message, String error) {
    /** Before anything was asked for. */
    public static final GuideStatus IDLE = new GuideStatus(false, "No guide", "");
}
