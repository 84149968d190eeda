package io.p2pviewer.player;

import java.time.Instant;
import java.util.Objects;
import uk.co.caprica.vlcj.log.LogLevel;

/**
 * One line of libVLC's native log, copied off libVLC's logging thread.
 *
 * @param time    when the bridge received it
 * @param level   libVLC's level
 * @param module  the module that logged it (e.g. {@code adaptive}, {@code http}, {@code main}); never null
 * @param message the message (vlcj truncates it to 200 bytes)
 */
record NativeLogLine(Instant time, LogLevel level, String module, String message) {

    NativeLogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        module = module == null ? "?" : module;
        Objects.requireNonNull(message, "message");
    }
}
