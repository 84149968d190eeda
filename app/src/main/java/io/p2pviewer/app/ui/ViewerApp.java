package io.p2pviewer.app.ui;

import io.p2pviewer.player.PlayerBridgeException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The JavaFX application; launched by {@link AppLaunch}, never used as the main class. */
public final class ViewerApp extends Application {
    private ViewerRuntime runtime;

    @Override
    public void start(Stage stage) throws Exception {
        try {
            // The user's settings ($XDG_CONFIG_HOME/p2p-viewer/settings.json); a damaged file is shown in the window.
            runtime = new ViewerRuntime(stage, AppLaunch.options(), io.p2pviewer.app.settings.SettingsService.load(
                    io.p2pviewer.app.settings.SettingsStore.forUser(java.time.Clock.systemUTC())));
        } catch (PlayerBridgeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("The video player cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        stage.show();
    }

    @Override
    public void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
