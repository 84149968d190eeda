package io.p2pviewer.player;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.co.caprica.vlcj.log.LogLevel;

/**
 * Reads libVLC's native log for the failures libVLC does not report as events: a refused or
 * unreachable AES key, and an MRL that cannot be opened.
 *
 * <p>What libVLC 3.0 logs when it fetches an HLS key (measured): the adaptive module logs
 * {@code "Retrieving AES key <uri>"} (debug), then the http module logs {@code "outgoing request:\nGET
 * <path> HTTP/1.1\n..."} and either {@code "incoming response:\nHTTP/1.1 403 Forbidden\n..."} or, when
 * the server cannot be reached, {@code "connection failed"} without a response (all debug level). libVLC
 * then logs the error {@code "Failed to create demuxer"} and ends playback without an error event.
 * When an MRL cannot be opened, {@code main} logs the error {@code "VLC is unable to open the MRL ..."}
 * just before libVLC's error event.
 *
 * <p>Pure and not thread-safe: the bridge feeds it on its event thread; {@link #isRelevant} is the
 * cheap filter applied on libVLC's logging thread.
 */
final class NativeLogInterpreter {

    /** Something the log revealed. */
    sealed interface Finding {
        /** The key server answered the key request with an HTTP error status. */
        record KeyRefused(String keyUri, int httpStatus) implements Finding {}

        /** The key request failed without any HTTP response. */
        record KeyUnreachable(String keyUri) implements Finding {}

        /** libVLC could not open the MRL. */
        record OpenFailed() implements Finding {}
    }

    private static final String KEY_ANNOUNCEMENT = "Retrieving AES key ";
    private static final String REQUEST = "outgoing request";
    private static final String RESPONSE = "incoming response";
    private static final String CONNECTION_FAILED = "connection failed";
    private static final String UNABLE_TO_OPEN = "VLC is unable to open the MRL";
    /** vlcj formats native log messages into 200 bytes: a message this long may be truncated. */
    private static final int TRUNCATED_LENGTH = 199;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)? (\\d{3})");
    private static final int MAX_CAUSES = 3;

    /** Errors libVLC logs at every start while it probes hardware decoding: not causes of anything. */
    private static final List<String> NOISE = List.of(
            "Too high level of recursion",
            "Failed to create video converter",
            "Failed to adapt decoder format to display",
            "video output creation failed",
            "failed to create video output",
            "Your input can't be opened",
            UNABLE_TO_OPEN);

    private enum KeyFetch { NONE, ANNOUNCED, REQUESTED }

    private KeyFetch keyFetch = KeyFetch.NONE;
    private String keyUri;
    private String keyTarget;
    private boolean keyTargetComplete;
    private boolean otherRequestSince;
    private final ArrayDeque<String> causes = new ArrayDeque<>();

    /** Whether a log line can matter to {@link #accept}; cheap, called on libVLC's logging thread. */
    static boolean isRelevant(LogLevel level, String module, String message) {
        if (level == LogLevel.ERROR) {
            return true;
        }
        if ("adaptive".equals(module)) {
            return message.startsWith(KEY_ANNOUNCEMENT);
        }
        if ("http".equals(module)) {
            return message.startsWith(REQUEST) || message.startsWith(RESPONSE) || message.startsWith(CONNECTION_FAILED);
        }
        return false;
    }

    /** Forgets everything (a new {@code play()}). */
    void reset() {
        keyFetch = KeyFetch.NONE;
        keyUri = null;
        keyTarget = null;
        otherRequestSince = false;
        causes.clear();
    }

    /** The latest distinct error messages since {@link #reset()} that may explain a failure, oldest first. */
    List<String> causes() {
        return List.copyOf(causes);
    }

    /** Reads one line. */
    Optional<Finding> accept(NativeLogLine line) {
        String module = line.module();
        String message = line.message();
        if ("adaptive".equals(module) && message.startsWith(KEY_ANNOUNCEMENT)) {
            keyUri = message.substring(KEY_ANNOUNCEMENT.length()).trim();
            keyTarget = requestTarget(keyUri);
            keyTargetComplete = message.length() < TRUNCATED_LENGTH;
            keyFetch = KeyFetch.ANNOUNCED;
            otherRequestSince = false;
            return Optional.empty();
        }
        if ("http".equals(module) && line.level() != LogLevel.ERROR) {
            return acceptHttp(message);
        }
        if (line.level() == LogLevel.ERROR) {
            if ("main".equals(module) && message.startsWith(UNABLE_TO_OPEN)) {
                return Optional.of(new Finding.OpenFailed());
            }
            rememberCause(message.strip());
        }
        return Optional.empty();
    }

    private Optional<Finding> acceptHttp(String message) {
        if (message.startsWith(REQUEST)) {
            if (keyFetch == KeyFetch.ANNOUNCED && !otherRequestSince && isKeyRequest(message)) {
                keyFetch = KeyFetch.REQUESTED;
            } else if (keyFetch != KeyFetch.NONE) {
                otherRequestSince = true;
            }
            return Optional.empty();
        }
        if (keyFetch == KeyFetch.NONE || otherRequestSince) {
            return Optional.empty();
        }
        if (message.startsWith(RESPONSE) && keyFetch == KeyFetch.REQUESTED) {
            Matcher status = STATUS_LINE.matcher(message);
            String uri = keyUri;
            keyFetch = KeyFetch.NONE;
            if (status.find()) {
                int code = Integer.parseInt(status.group(1));
                if (code >= 400) {
                    return Optional.of(new Finding.KeyRefused(uri, code));
                }
            }
            return Optional.empty();
        }
        if (message.startsWith(CONNECTION_FAILED)) {
            String uri = keyUri;
            keyFetch = KeyFetch.NONE;
            return Optional.of(new Finding.KeyUnreachable(uri));
        }
        return Optional.empty();
    }

    private boolean isKeyRequest(String message) {
        String[] lines = message.split("\n", 3);
        if (lines.length < 2) {
            return false;
        }
        String requestLine = lines[1].strip();
        int space = requestLine.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String rest = requestLine.substring(space + 1);
        int version = rest.lastIndexOf(" HTTP/");
        boolean complete = version >= 0;
        String target = complete ? rest.substring(0, version) : rest;
        if (target.isEmpty() || keyTarget.isEmpty()) {
            return false;
        }
        if (complete && keyTargetComplete) {
            return target.equals(keyTarget);
        }
        return target.startsWith(keyTarget) || keyTarget.startsWith(target);
    }

    /** The path and query of a URI as an HTTP request line carries it ({@code "/"} if none). */
    static String requestTarget(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int path = uri.indexOf('/', scheme + 3);
        String target = path < 0 ? "/" : uri.substring(path);
        int fragment = target.indexOf('#');
        return fragment < 0 ? target : target.substring(0, fragment);
    }

    private void rememberCause(String message) {
        for (String noise : NOISE) {
            if (message.startsWith(noise)) {
                return;
            }
        }
        causes.remove(message);
        causes.addLast(message);
        while (causes.size() > MAX_CAUSES) {
            causes.removeFirst();
        }
    }
}
