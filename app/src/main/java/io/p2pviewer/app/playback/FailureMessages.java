package io.p2pviewer.app.playback;

import io.p2pviewer.engine.StreamError;
import io.p2pviewer.player.ErrorKind;
import io.p2pviewer.player.PlayerEvent;
import io.p2pviewer.redaction.Redacted;
import java.util.List;
import java.util.Optional;

/**
 * The words a person is shown when playback fails: the engine's own knowledge of the cause (it fetched the segment
 * and saw the 404, it parsed the playlist) wins over libVLC's guess ("a wrong decryption key or corrupt segments
 * look like this"), and no message carries the engine's proxy URL, its secret or a token. Pure and thread-safe.
 */
public final class FailureMessages {
    /** What the proxy's secret URL prefix becomes in a message. */
    static final String PROXY = "(engine proxy)/";

    private FailureMessages() {
    }

    /**
     * The message for a player error. A refused key is the player's own finding (the engine never sees keys); for
     * any other kind the first engine error that explains a player failure (a segment or a playlist that could not
     * be fetched or read) is the cause, and libVLC's words are dropped.
     *
     * @param secretPrefix the start of the proxy's URLs that holds its secret ({@code StreamSession.secretPrefix()}),
     *                     or null when no stream is open
     */
    public static String explain(PlayerEvent.Error error, List<StreamError> engineErrors, String secretPrefix) {
        if (error.kind() != ErrorKind.KEY_REFUSED) {
            Optional<StreamError> cause = cause(engineErrors);
            if (cause.isPresent()) {
                return safe(cause.get().message(), secretPrefix);
            }
        }
        return safe(error.message(), secretPrefix);
    }

    /** The first engine error that explains why a player could not play, if any. */
    public static Optional<StreamError> cause(List<StreamError> engineErrors) {
        return engineErrors.stream().filter(FailureMessages::explainsPlayerFailure).findFirst();
    }

    /** Text with the proxy's secret prefix replaced and every URL's query values masked. */
    public static String safe(String text, String secretPrefix) {
        return Redacted.replacing(text, secretPrefix, PROXY);
    }

    private static boolean explainsPlayerFailure(StreamError error) {
        return switch (error) {
            case StreamError.SegmentFailed s -> true;
            case StreamError.PlaylistFailed p -> true;
            case StreamError.MalformedPlaylist m -> true;
            case StreamError.UnknownSegment u -> false; // a consequence (a stale playlist), not a cause
            case StreamError.PeerBanned b -> false; // the engine re-fetched the segment from the origin
        };
    }
}
