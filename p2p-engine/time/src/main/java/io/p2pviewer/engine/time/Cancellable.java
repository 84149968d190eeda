package io.p2pviewer.engine.time;

/** A handle to scheduled or running work that can be cancelled; cancelling twice is harmless. */
@FunctionalInterface
public interface Cancellable {
    /** A handle whose cancel does nothing. */
    Cancellable NONE = () -> { };

    void cancel();
}
