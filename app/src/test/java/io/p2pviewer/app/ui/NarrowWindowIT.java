package io.p2pviewer.app.ui;

import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.save;
import static io.p2pviewer.app.ui.FxTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window at 1024x768 under Xvfb, playing the demo with libVLC: every control of the URL bar, the sidebar,
 * the controls bar and the stats panel is inside the window and shows its whole text (none elided with "…"),
 * and the video keeps a usable width.
 */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowIT {
    private ViewerRuntime runtime;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        runtime = new ViewerRuntime(stage, new AppLaunch.Options("demo", true, List.of(), 0));
        stage.setWidth(1024);
        stage.setHeight(768);
        stage.show();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void at1024PixelsNothingIsCutOff(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.playback().player().status().framesDisplayed() > 10);
        Thread.sleep(1500); // a few stats samples: the panel's texts at their real length
        Node root = stage.getScene().getRoot();
        assertThat(onFx(() -> stage.getScene().getWidth())).isEqualTo(1024.0);
        save(snapshot(root), "window-1024.png");
        List<String> problems = onFx(() -> {
            Bounds window = root.localToScene(root.getLayoutBounds());
            List<String> out = new ArrayList<>();
            check(root, window, out);
            return out;
        });
        assertThat(problems).as("controls cut off at 1024x768").isEmpty();
        assertThat(onFx(() -> robot.lookup("#videoArea").query().getLayoutBounds().getWidth()))
                .as("video width").isGreaterThanOrEqualTo(320);
        assertThat(onFx(() -> robot.lookup("#controlsBar").query().getLayoutBounds().getHeight()))
                .as("the controls bar wraps onto a second row").isGreaterThan(50);
    }

    /** Collects visible controls that lie outside the window or whose text is elided. */
    private static void check(Node node, Bounds window, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.TableView<?>) {
            // Its columns scroll sideways inside it: only the table itself must be inside the window.
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMaxX() > window.getMaxX() + 0.5 || b.getMinX() < window.getMinX() - 0.5) {
                out.add(describe(node) + " outside the window at " + b);
            }
            return;
        }
        if (node instanceof Control c && !(node.getParent() instanceof Control)) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            boolean inside = b.getMinX() >= window.getMinX() - 0.5 && b.getMaxX() <= window.getMaxX() + 0.5
                    && b.getMinY() >= window.getMinY() - 0.5 && b.getMaxY() <= window.getMaxY() + 0.5;
            if (!inside && b.getWidth() > 0) {
                out.add(describe(c) + " outside the window at " + b);
            }
        }
        if (node instanceof Labeled l && !(node instanceof javafx.scene.control.TitledPane) && l.getText() != null
                && !l.getText().isEmpty()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && !t.getText().equals(l.getText())) {
                out.add(describe(l) + " shows '" + t.getText() + "' for '" + l.getText() + "'");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                check(child, window, out);
            }
        }
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                + (n instanceof Labeled l ? " '" + l.getText() + "'" : "");
    }
}
