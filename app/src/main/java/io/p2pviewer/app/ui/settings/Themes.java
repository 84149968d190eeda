package io.p2pviewer.app.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The app's two looks, AtlantaFX Primer Light and Primer Dark, for every window. FX thread. */
public final class Themes {
    private Themes() {
    }

    /**
     * Sets the theme saved as {@code name} ({@code dark}, else light) for every window of the app; nothing when it
     * is already set (setting it restyles every scene).
     */
    public static void apply(String name) {
        String sheet = "dark".equals(name)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!sheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(sheet);
        }
    }
}
