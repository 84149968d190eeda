package io.p2pviewer.app.ui.settings;

import io.p2pviewer.app.settings.Settings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window back where it was, when that place is still on a screen: a monitor unplugged since, or a smaller
 * desktop, would leave it out of reach, so then it opens centred as the first time. FX thread.
 */
final class WindowPlace {
    /** How much of the window's top left (its title bar) must be on a screen to be reachable with the mouse. */
    static final double GRIP_WIDTH = 120;
    static final double GRIP_HEIGHT = 40;

    private WindowPlace() {
    }

    static void restore(Stage stage, Settings.Appearance a) {
        if (a.windowX() != null && reachable(a.windowX(), a.windowY(), a.windowWidth())) {
            stage.setX(a.windowX());
            stage.setY(a.windowY());
        }
    }

    /** True when the top left of a window at (x, y), {@code width} wide, lies within one screen's usable area. */
    static boolean reachable(double x, double y, double width) {
        Rectangle2D grip = new Rectangle2D(x, y, Math.min(GRIP_WIDTH, Math.max(1, width)), GRIP_HEIGHT);
        return Screen.getScreens().stream().anyMatch(s -> contains(s.getVisualBounds(), grip));
    }

    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() && inner.getMinY() >= outer.getMinY()
                && inner.getMaxX() <= outer.getMaxX() && inner.getMaxY() <= outer.getMaxY();
    }
}
