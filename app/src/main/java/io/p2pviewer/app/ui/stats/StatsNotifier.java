package io.p2pviewer.app.ui.stats;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the view model's notices as ControlsFX pop-ups in the top-right corner of the window that holds
 * {@code owner}, in the app's theme ({@code notices.css}). Notices arriving before that window shows are only logged.
 * FX thread only.
 */
final class StatsNotifier {
    private static final Logger log = LoggerFactory.getLogger(StatsNotifier.class);
    private static final Duration SHOWN_FOR = Duration.seconds(8);
    /** Themes ControlsFX's pop-up; it must follow ControlsFX's sheet, which ControlsFX puts first in the scene. */
    private static final String NOTICES_CSS = StatsNotifier.class.getResource("notices.css").toExternalForm();

    private StatsNotifier() {
    }

    static void attach(Node owner, StatsViewModel model) {
        model.addNoticeListener(n -> show(owner, n));
    }

    static void show(Node owner, Notice notice) {
        log.info("notice: {}: {}", notice.title(), notice.text());
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        if (!window.getScene().getStylesheets().contains(NOTICES_CSS)) {
            window.getScene().getStylesheets().add(NOTICES_CSS);
        }
        Notifications n = Notifications.create().title(notice.title()).text(notice.text()).owner(window)
                .position(Pos.TOP_RIGHT).hideAfter(SHOWN_FOR);
        switch (notice.severity()) {
            case ERROR -> n.showError();
            case WARNING -> n.showWarning();
        }
    }
}
