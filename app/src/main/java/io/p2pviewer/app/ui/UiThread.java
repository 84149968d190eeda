package io.p2pviewer.app.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Where view-model updates run: the JavaFX thread in the app, the calling thread in tests. */
public interface UiThread extends Executor {
    /** The JavaFX application thread. */
    UiThread FX = task -> {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    };

    /** Runs tasks at once on the caller's thread (view-model tests). */
    UiThread DIRECT = Runnable::run;
}
