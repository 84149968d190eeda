package io.p2pviewer.app.ui.demo;

import static io.p2pviewer.app.ui.FxTestSupport.click;
import static io.p2pviewer.app.ui.FxTestSupport.onFx;
import static io.p2pviewer.app.ui.FxTestSupport.save;
import static io.p2pviewer.app.ui.FxTestSupport.snapshot;
import static io.p2pviewer.app.ui.FxTestSupport.text;
import static org.awaitility.Awaitility.await;

import io.p2pviewer.app.TestFiles;
import io.p2pviewer.app.ui.AppLaunch;
import io.p2pviewer.app.ui.ViewerRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The demo window with its in-process swarm, driven with TestFX inside a network namespace (started by
 * {@link DemoWindowStagingIT}; WebRTC needs a non-loopback interface). Waits for the demo peers to deliver,
 * exports a JSON snapshot (Ctrl+E), clicks "All peers leave", lets the CDN take over for 30 s, exports again, and
 * saves screenshots of the panel. The snapshots land in {@code $P2PVIEWER_EXPORT_DIR}. Exits 0 when all that
 * happened, 1 with the reason otherwise.
 *
 * <p>With the argument {@code loopback-only} (a namespace with only {@code lo}) it instead plays 30 s, prints the
 * demo's status line as {@code DEMO STATUS: <text>}, waits for the panel's status line to report the unreachable
 * peers and prints it as {@code P2P STATUS: <text>}, and exports one snapshot.
 */
public final class DemoWindowProbe {
    public static void main(String[] args) {
        int exit = 1;
        ViewerRuntime[] runtime = new ViewerRuntime[1];
        try {
            Path exports = Path.of(System.getenv("P2PVIEWER_EXPORT_DIR"));
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                try {
                    runtime[0] = new ViewerRuntime(stage, new AppLaunch.Options("demo", true, List.of(), 3));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                stage.show();
            });
            FxRobot robot = new FxRobot();
            if (args.length > 0 && args[0].equals("loopback-only")) {
                Thread.sleep(30_000);
                System.out.println("DEMO STATUS: " + text(robot, "#demoStatus"));
                // The demo peers answer through the tracker and none connects: the panel's status line says so
                // (20 s after the first answer; awaited, as a loaded machine's tracker round may come late).
                org.controlsfx.control.StatusBar status = robot.lookup("#statusBar").query();
                await("the unreachable-peers notice").atMost(Duration.ofSeconds(40))
                        .until(() -> onFx(status::getText).contains("unreachable"));
                System.out.println("P2P STATUS: " + onFx(status::getText));
                // No screenshot here: one CI run met a JavaFX IndexOutOfBoundsException in the scene's pulse right
                // after this point (Parent.updateCachedBounds, while the "unreachable" notification was showing);
                // the export below carries what the test checks.
                exportSnapshot(robot, exports, 1);
            } else {
                playsThenPeersLeave(robot, exports);
            }
            exit = 0;
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            if (runtime[0] != null) {
                try {
                    runtime[0].close(); // as the UI tests do after each test
                } catch (RuntimeException e) {
                    e.printStackTrace();
                }
            }
        }
        System.exit(exit);
    }

    /** The window with its three demo peers: their offload, then "All peers leave" and the CDN taking over. */
    private static void playsThenPeersLeave(FxRobot robot, Path exports) throws Exception {
        await("three demo peers connected and delivering").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> peerRows(robot) >= 3
                        && !text(robot, "#peerBytes").startsWith("0 "));
        Thread.sleep(20_000); // offload climbs
        Node panel = robot.lookup("#statsPanel").query();
        save(snapshot(panel.getScene().getRoot()), "demo-swarm-window.png");
        exportSnapshot(robot, exports, 1);

        click(robot, "#demoPeersLeave");
        Thread.sleep(30_000);
        save(snapshot(panel.getScene().getRoot()), "demo-swarm-peers-left.png");
        exportSnapshot(robot, exports, 2);
    }

    private static int peerRows(FxRobot robot) {
        TableView<?> table = robot.lookup("#peerTable").queryAs(TableView.class);
        return onFx(() -> table.getItems().size());
    }

    private static void exportSnapshot(FxRobot robot, Path dir, int count) throws Exception {
        click(robot, "#videoArea");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        await("export " + count).atMost(Duration.ofSeconds(15)).until(() -> TestFiles.named(dir, "snapshot-").size() >= count);
    }
}
