package io.p2pviewer.app.ui.about;

import java.util.List;

/**
 * The window's keys, grouped as the key list shows them (F1 or ?). The handlers live with the features
 * ({@code MainWindow}, {@code ZapKeys}, {@code SeekBar}, the guide, the exports and settings accelerators); this is
 * what a person reads, kept next to the README's list.
 */
public final class Shortcuts {
    /** One row: the keys and what they do. */
    public record Shortcut(String keys, String action) {
    }

    /** A titled group of rows. */
    public record Group(String title, List<Shortcut> shortcuts) {
    }

    public static final List<Group> ALL = List.of(
            new Group("Playback", List.of(
                    new Shortcut("Space", "pause / play"),
                    new Shortcut("F, double click", "fullscreen (Esc leaves it)"),
                    new Shortcut("T", "mini player: the video alone, small, on top (Esc or T leaves it)"),
                    new Shortcut("M", "mute / unmute"),
                    new Shortcut("+ / -, Up / Down on the video, wheel", "volume up / down by 5 %"),
                    new Shortcut("A", "aspect: Auto, 16:9, 4:3, 16:10, 2.35:1, Stretch, Zoom"),
                    new Shortcut("[ / ]", "slower / faster, 0.5x to 2x (on-demand and catch-up)"),
                    new Shortcut("Left / Right", "seek 10 s (Shift: 60 s); on a live stream, back in its window"))),
            new Group("Channels", List.of(
                    new Shortcut("P / N, Page Up / Down, Ctrl+Up / Down", "previous / next channel"),
                    new Shortcut("0-9, then Enter", "the channel with that number"),
                    new Shortcut("L, Backspace", "the last channel"),
                    new Shortcut("Enter, double click", "play the channel selected in the list"),
                    new Shortcut("Space, Enter, Left / Right", "fold or unfold the group header selected"))),
            new Group("Programme guide", List.of(
                    new Shortcut("G", "open the guide"),
                    new Shortcut("Arrows, Page Up / Down", "move the selection"),
                    new Shortcut("Enter, double click", "play the channel; a finished programme marked \u21BA: catch-up"),
                    new Shortcut("Shift+Enter", "the programme running now from its start (catch-up channels)"),
                    new Shortcut("Home, N", "back to now"),
                    new Shortcut("Esc", "close the guide"))),
            new Group("Panels and files", List.of(
                    new Shortcut("Shift+I", "the stats panel"),
                    new Shortcut("I", "the overlay on the video (now and next)"),
                    new Shortcut("Ctrl+E", "export a JSON snapshot"),
                    new Shortcut("Ctrl+R", "start / stop a CSV recording"),
                    new Shortcut("Ctrl+,", "settings"),
                    new Shortcut("F1, ?", "this list"))));

    private Shortcuts() {
    }
}
