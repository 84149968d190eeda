package io.p2pviewer.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's log file: everything logged at INFO and above also goes to {@code viewer.log} in the XDG state
 * directory, rotated by size ({@code viewer.log} -> {@code viewer.1.log} ... {@code viewer.N.log}, the oldest
 * dropped). The console keeps logging as configured in {@code logback.xml}. Headless commands do not call this:
 * several of them may run at once, and their output is their console. Call from the command's thread, once.
 */
public final class LogFiles {
    private static final Logger log = LoggerFactory.getLogger(LogFiles.class);
    /** The current file's name. */
    public static final String FILE_NAME = "viewer.log";
    private static final String APPENDER = "XDG_FILE";
    /** With a time stamp, unlike the console (the console's lines are read as they come). */
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger - %msg%n";

    /**
     * How much to keep.
     *
     * @param maxFileBytes a file is rotated once it grows past this
     * @param keptFiles    rotated files kept besides the current one
     * @param checkMillis  the file's size is looked at most this often (a burst may overshoot it meanwhile)
     */
    public record Rotation(long maxFileBytes, int keptFiles, long checkMillis) {
        /** 10 MiB a file, 3 old files: at most about 40 MiB; the size checked at most once a second. */
        public static final Rotation DEFAULT = new Rotation(10L << 20, 3, 1000);

        public Rotation {
            if (maxFileBytes < 1 || keptFiles < 1 || checkMillis < 0) {
                throw new IllegalArgumentException("a log rotation needs a positive size and at least one kept file");
            }
        }
    }

    private LogFiles() {
    }

    /**
     * Adds the rotated file in {@code stateDirectory} to the root logger (replacing one added before).
     *
     * @return the file, or empty when logging is not logback's or the directory cannot be written (said at WARN
     *     on the console; the app runs on without a file)
     */
    public static Optional<Path> install(Path stateDirectory, Rotation rotation) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        Path file = stateDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateDirectory);
        } catch (IOException e) {
            log.warn("no log file: cannot create {} ({})", stateDirectory, e.getClass().getSimpleName());
            return Optional.empty();
        }
        uninstall();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());

        FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(stateDirectory.resolve("viewer.%i.log").toString());
        policy.setMinIndex(1);
        policy.setMaxIndex(rotation.keptFiles());
        policy.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(rotation.maxFileBytes()));
        trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(rotation.checkMillis()));
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        appender.setRollingPolicy(policy);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            log.warn("no log file: cannot write {}", file);
            return Optional.empty();
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        log.info("logging to {} too (rotated at {} MiB, {} old files kept)", file, rotation.maxFileBytes() >> 20,
                rotation.keptFiles());
        return Optional.of(file);
    }

    /** Removes and closes the file added by {@link #install}, if any. */
    public static void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            var old = root.getAppender(APPENDER);
            if (old != null) {
                root.detachAppender(old);
                old.stop();
            }
        }
    }

    /** Logs of {@code loggerName} and below only at {@code level} and above (the simulator's thousands of engines). */
    public static void quiet(String loggerName, org.slf4j.event.Level level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(loggerName).setLevel(Level.toLevel(level.toString()));
        }
    }
}
