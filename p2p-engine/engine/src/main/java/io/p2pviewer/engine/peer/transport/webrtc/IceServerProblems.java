package io.p2pviewer.engine.peer.transport.webrtc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors STUN/TURN servers gave a transport's connections while gathering candidates (e.g. a TURN server's
 * "401 Unauthorized" for a wrong password), each distinct one logged once at WARN and kept for the app to show.
 * Messages name the server's URL and the error, never credentials. Thread-safe.
 */
final class IceServerProblems {
    private static final Logger log = LoggerFactory.getLogger(IceServerProblems.class);
    /** Distinct problems kept at most (a misconfigured list repeats the same few). */
    private static final int MAX = 20;

    private final Set<String> problems = new LinkedHashSet<>();

    /** Records an error event of webrtc-java ({@code onIceCandidateError}); any thread. */
    void report(String url, int errorCode, String errorText) {
        String where = url == null || url.isBlank() ? "an ICE server" : "ICE server " + withoutQuery(url);
        String text = errorText == null || errorText.isBlank() ? "error" : errorText.strip();
        String problem = where + ": " + errorCode + " " + text + hint(errorCode);
        synchronized (this) {
            if (problems.size() >= MAX || !problems.add(problem)) {
                return;
            }
        }
        log.warn("{}", problem);
    }

    /** The problems seen so far, oldest first. */
    synchronized List<String> list() {
        return new ArrayList<>(problems);
    }

    private static String hint(int code) {
        return switch (code) {
            case 401 -> " (check the TURN username and credential)";
            case 701 -> " (server unreachable)";
            default -> "";
        };
    }

    /** A STUN/TURN URL without its query (where some deployments put tokens). */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
