package io.p2pviewer.sim;

/** A scenario file that cannot be read or makes no sense; the message names the field and the problem. */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
