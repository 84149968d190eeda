package io.p2pviewer.app.ui.channels;

import io.p2pviewer.app.ui.WindowKeys;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The zapping keys of the window: Page Up/Down, Ctrl+Up/Down and P/N (as in VLC) for the previous/next channel,
 * digits for a channel number (Enter commits at once), Backspace or L for the last channel. In a text field only
 * the page keys zap (the others type there). FX thread.
 */
final class ZapKeys {
    private ZapKeys() {
    }

    static void install(Scene scene, ChannelsViewModel model) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() || e.isMetaDown()) {
                return;
            }
            KeyCode code = e.getCode();
            boolean ctrl = e.isControlDown();
            // Page keys zap from anywhere, a text field too (they edit nothing there); the others type in one.
            if (code == KeyCode.PAGE_DOWN || (ctrl && code == KeyCode.DOWN)) {
                model.next();
            } else if (code == KeyCode.PAGE_UP || (ctrl && code == KeyCode.UP)) {
                model.previous();
            } else if (WindowKeys.ownedByTarget(e) || e.isShiftDown() && code.isLetterKey()) {
                return;
            } else if (!ctrl && code == KeyCode.N) {
                model.next();
            } else if (!ctrl && code == KeyCode.P) {
                model.previous();
            } else if (!ctrl && (code.isDigitKey())) {
                model.digit(digit(code));
            } else if (code == KeyCode.ENTER && model.typingNumber()) {
                model.commitNumber();
            } else if (!ctrl && (code == KeyCode.BACK_SPACE || code == KeyCode.L)) {
                model.last();
            } else {
                return;
            }
            e.consume();
        });
    }

    private static int digit(KeyCode code) {
        String name = code.getName(); // "5" or "Numpad 5"
        return name.charAt(name.length() - 1) - '0';
    }
}
