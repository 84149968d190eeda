package io.p2pviewer.app.ui;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's side of the mini player: on, the window remembers its place, size and maximized state, stays on top
 * of the others and shrinks to {@value #WIDTH} x {@value #HEIGHT} px in the bottom right corner of its screen; off,
 * it returns to what it was. The window's remembered place in the settings skips the mini window
 * ({@link #isMini}). FX thread only.
 */
public final class MiniPlayer {
    static final double WIDTH = 480;
    static final double HEIGHT = 270;
    private static final double MARGIN = 24;
    private static final String KEY = "p2pviewer.miniPlayer";

    private double x;
    private double y;
    private double width;
    private double height;
    private boolean maximized;

    private MiniPlayer() {
    }

    /** Follows {@code mini} on {@code stage} (a stage that held another window's mini player starts normal). */
    static void install(Stage stage, BooleanProperty mini) {
        if (isMini(stage)) {
            stage.getProperties().remove(KEY);
            stage.setAlwaysOnTop(false);
        }
        MiniPlayer m = new MiniPlayer();
        mini.addListener((o, was, is) -> {
            if (is) {
                m.shrink(stage);
            } else {
                m.restore(stage);
            }
        });
    }

    /** Whether {@code stage} is the mini player now (its size and place are not the window's own). */
    public static boolean isMini(Stage stage) {
        return Boolean.TRUE.equals(stage.getProperties().get(KEY));
    }

    private void shrink(Stage stage) {
        stage.getProperties().put(KEY, true);
        maximized = stage.isMaximized();
        stage.setMaximized(false);
        x = stage.getX();
        y = stage.getY();
        width = stage.getWidth();
        height = stage.getHeight();
        Rectangle2D area = Screen.getScreensForRectangle(x, y, Math.max(1, width), Math.max(1, height)).stream()
                .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        stage.setAlwaysOnTop(true);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        stage.setX(area.getMaxX() - WIDTH - MARGIN);
        stage.setY(area.getMaxY() - HEIGHT - MARGIN);
    }

    private void restore(Stage stage) {
        stage.setAlwaysOnTop(false);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setX(x);
        stage.setY(y);
        stage.setMaximized(maximized);
        stage.getProperties().remove(KEY);
    }
}
