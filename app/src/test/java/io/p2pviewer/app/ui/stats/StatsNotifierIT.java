package io.p2pviewer.app.ui.stats;

import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.ui.settings.Themes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The panel's pop-up notices under Xvfb, in each of the app's themes: ControlsFX's pop-up paints its box with
 * Modena's colours, which the AtlantaFX themes do not define, so without the app's notices.css JavaFX logged a
 * ClassCastException from its CSS and drew the text with no box behind it.
 */
@ExtendWith(ApplicationExtension.class)
class StatsNotifierIT {
    private final List<String> cssWarnings = new ArrayList<>();
    private final Handler cssLog = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String message = r.getMessage() == null ? "" : r.getMessage();
            if (message.contains("notification")) {
                synchronized (cssWarnings) {
                    cssWarnings.add(message);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Label owner;
    private Stage stage;
    /** The look before the test, set back after it: the ITs of this module share one JVM. */
    private String previousSheet;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        owner = new Label("the panel");
        stage.setScene(new Scene(new StackPane(owner), 640, 400));
        stage.show();
    }

    @BeforeEach
    void listen() {
        previousSheet = onFx(Application::getUserAgentStylesheet);
        Logger.getLogger("javafx.css").addHandler(cssLog);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("javafx.css").removeHandler(cssLog);
        onFx(() -> {
            new ArrayList<>(Window.getWindows()).stream().filter(PopupWindow.class::isInstance)
                    .forEach(Window::hide);
            Application.setUserAgentStylesheet(previousSheet);
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void aNoticeShowsInABoxThemedLikeTheApp(String theme, FxRobot robot) {
        onFx(() -> {
            Themes.apply(theme);
            StatsNotifier.show(owner, new Notice(Notice.Severity.WARNING, "Peers", "peers found but unreachable"));
            return null;
        });

        Region box = await().atMost(Duration.ofSeconds(10)).until(() -> onFx(this::noticeBox), Optional::isPresent)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> box.getBackground() != null));
        List<Object> fills = onFx(() -> box.getBackground().getFills().stream().map(f -> (Object) f.getFill())
                .toList());
        assertThat(fills).as("the box's border, inner border and body").hasSize(3).allMatch(Color.class::isInstance);
        Color body = (Color) fills.get(2);
        Color text = onFx(() -> (Color) ((Label) box.lookup(".title")).getTextFill());
        assertThat(Math.abs(body.getBrightness() - text.getBrightness()))
                .as("the title (%s) reads against the body (%s) in the %s theme", text, body, theme)
                .isGreaterThan(0.4);
        synchronized (cssWarnings) {
            assertThat(cssWarnings).as("JavaFX's CSS warnings about the pop-up").isEmpty();
        }
    }

    /** The pop-up's box: the {@code .pane} right under ControlsFX's {@code .notification-bar}. */
    private Optional<Region> noticeBox() {
        return Window.getWindows().stream().filter(PopupWindow.class::isInstance)
                .filter(w -> ((PopupWindow) w).getOwnerWindow() == stage && w.isShowing())
                .map(w -> w.getScene().getRoot()).flatMap(root -> root.lookupAll(".notification-bar").stream())
                .flatMap(bar -> ((Parent) bar).getChildrenUnmodifiable().stream())
                .filter(n -> n.getStyleClass().contains("pane")).map(Region.class::cast).findFirst();
    }
}
