package io.p2pviewer.app.ui.player;

import java.util.Objects;

/**
 * One item of the quality, audio or subtitle menu.
 *
 * @param id    what selecting it passes on: an engine track for a quality (-1: Auto), libVLC's track id otherwise
 * @param label what the menu shows
 */
public record MenuChoice(int id, String label) {
    public MenuChoice {
        Objects.requireNonNull(label, "label");
    }
}
