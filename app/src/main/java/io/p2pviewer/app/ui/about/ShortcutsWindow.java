package io.p2pviewer.app.ui.about;

import io.p2pviewer.app.ui.WindowKeys;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The list of the window's keys ({@link Shortcuts}), opened by F1 or ?, closed by Esc or F1 again. The grid's id is
 * {@code shortcutsList}. FX thread only.
 */
public final class ShortcutsWindow {
    private final Stage stage = new Stage();

    public ShortcutsWindow(Window owner) {
        stage.initOwner(owner);
        stage.setTitle("Keys");
        GridPane grid = new GridPane();
        grid.setId("shortcutsList");
        grid.setHgap(18);
        grid.setVgap(4);
        grid.setPadding(new Insets(14));
        int row = 0;
        for (Shortcuts.Group g : Shortcuts.ALL) {
            Label title = new Label(g.title());
            title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
            title.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
            grid.add(title, 0, row++, 2, 1);
            for (Shortcuts.Shortcut s : g.shortcuts()) {
                Label keys = new Label(s.keys());
                keys.setStyle("-fx-font-family: monospace;");
                grid.add(keys, 0, row);
                grid.add(new Label(s.action()), 1, row++);
            }
        }
        Scene scene = new Scene(new ScrollPane(grid), 720, 620);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
    }

    /**
     * F1, or ? typed, in {@code scene} opens the list (created on first use); ? only where the focused control does
     * not own the key (in a text field it is typed).
     */
    public static void install(Scene scene) {
        ShortcutsWindow[] window = new ShortcutsWindow[1];
        Runnable open = () -> {
            if (window[0] == null) {
                window[0] = new ShortcutsWindow(scene.getWindow());
            }
            window[0].show();
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1) { // no control types F1: it opens the list from a text field too
                open.run();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !WindowKeys.ownedByTarget(e)) {
                open.run();
                e.consume();
            }
        });
    }

    /** Shows the list, or brings it to the front. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void hide() {
        stage.hide();
    }
}
