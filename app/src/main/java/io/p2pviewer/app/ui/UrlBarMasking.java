package io.p2pviewer.app.ui;

import io.p2pviewer.app.channels.UrlMask;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;

/**
 * Ties the URL bar to the player's URL so that a token in it is not on the screen: while the field has no focus it
 * shows the URL with query values, a password and Kodi's {@code |headers} masked ({@link UrlMask}:
 * {@code ...master.m3u8?token=***}); focused, the whole URL, selected, to edit or copy. Whatever is typed or set in
 * the field is the player's URL at once, as with a plain binding. Salespeople project the demo, whose URL carries its
 * origin's token, and IPTV lists' channel URLs often carry a subscriber's token. FX thread.
 */
final class UrlBarMasking {
    private final TextField field;
    private final StringProperty url;
    /** True while this class writes the field or the URL, so that neither listener echoes the other's change. */
    private boolean writing;

    private UrlBarMasking(TextField field, StringProperty url) {
        this.field = field;
        this.url = url;
    }

    /** Shows {@code url} in {@code field}, masked while the field has no focus, and takes the field's edits into it. */
    static void bind(TextField field, StringProperty url) {
        UrlBarMasking m = new UrlBarMasking(field, url);
        url.addListener((o, was, is) -> {
            if (!m.writing) {
                m.show();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            String before = field.getText();
            m.show();
            if (focused && !field.getText().equals(before)) {
                // After the click that gave the focus has placed the caret, as a browser's address bar does.
                javafx.application.Platform.runLater(field::selectAll);
            }
        });
        field.textProperty().addListener((o, was, text) -> {
            if (!m.writing) {
                m.write(() -> url.set(text));
            }
        });
        m.show();
    }

    private void show() {
        String u = url.get() == null ? "" : url.get();
        String shown = field.isFocused() || u.isEmpty() ? u : UrlMask.mask(u);
        if (!shown.equals(field.getText())) {
            write(() -> field.setText(shown));
        }
    }

    private void write(Runnable change) {
        writing = true;
        try {
            change.run();
        } finally {
            writing = false;
        }
    }
}
