package io.p2pviewer.player;

import java.time.Instant;
import java.util.Objects;

/**
 * An error-level line of libVLC's native log, kept for diagnostics.
 *
 * <p>Identical lines (same module and message) are folded into one, counted in {@code repeats}
 * and dated by their latest occurrence. libVLC truncates messages (vlcj formats them into 200 bytes).
 *
 * @param time    when the line (its latest repeat) was logged, by the bridge's clock
 * @param module  the libVLC module that logged it (e.g. {@code adaptive}, {@code http}, {@code main})
 * @param message the message
 * @param repeats how many times it was logged, at least 1
 */
public record LibVlcLogLine(Instant time, String module, String message, int repeats) {

    public LibVlcLogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(message, "message");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, was " + repeats);
        }
    }

    @Override
    public String toString() {
        return module + ": " + message + (repeats > 1 ? " (x" + repeats + ")" : "");
    }
}
