package io.p2pviewer.app.ui.channels;

import java.time.Duration;

/**
 * Runs a task once after a delay on the UI thread (the number-typing timeout); tests pass a manual one. The
 * returned handle cancels the task if it has not run.
 */
@FunctionalInterface
public interface Delay {
    Runnable schedule(Duration after, Runnable task);
}
