package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.peer.swarm.PeerIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which new engine errors deserve a pop-up, each error once. Every peer ban is shown (at most
 * {@value #MAX_BANS_PER_SAMPLE} per sample, then a count); playlist and segment failures are shown once per kind
 * per sample, and then not again for {@link #COOLDOWN} (by the errors' own timestamps) — the next notice of that
 * kind counts the ones held back. Requests for segments outside the playlist ({@link StreamError.UnknownSegment})
 * are left to the log. FX thread only.
 */
public final class NoticePolicy {
    /** Quiet time per kind of failure after a notice. */
    public static final Duration COOLDOWN = Duration.ofSeconds(30);
    static final int MAX_BANS_PER_SAMPLE = 3;

    private Set<StreamError> seen = Set.of();
    /** By kind of error: the case of {@link StreamError}. */
    private final Map<Class<?>, Instant> lastShown = new HashMap<>();
    private final Map<Class<?>, Integer> heldBack = new HashMap<>();

    /** The notices for the snapshot's errors not seen before, in order (empty while no stream is open). */
    public List<Notice> newNotices(EngineSnapshot e) {
        if (e == null) {
            seen = Set.of();
            return List.of();
        }
        Map<Class<?>, List<StreamError>> fresh = new LinkedHashMap<>();
        for (StreamError err : e.recentErrors()) {
            if (!seen.contains(err)) {
                fresh.computeIfAbsent(err.getClass(), k -> new ArrayList<>()).add(err);
            }
        }
        // Errors leave the snapshot's window oldest first and never come back: remembering the window is enough.
        seen = Set.copyOf(e.recentErrors());
        List<Notice> notices = new ArrayList<>();
        fresh.forEach((kind, errors) -> {
            switch (errors.get(0)) {
                case StreamError.PeerBanned b -> bans(errors, notices);
                case StreamError.UnknownSegment u -> { }
                default -> failures(kind, errors, notices);
            }
        });
        return notices;
    }

    private static void bans(List<StreamError> errors, List<Notice> notices) {
        for (int i = 0; i < Math.min(errors.size(), MAX_BANS_PER_SAMPLE); i++) {
            notices.add(new Notice(Notice.Severity.WARNING, "Peer banned: corrupt segment",
                    banText((StreamError.PeerBanned) errors.get(i))));
        }
        if (errors.size() > MAX_BANS_PER_SAMPLE) {
            notices.add(new Notice(Notice.Severity.WARNING, "Peers banned",
                    (errors.size() - MAX_BANS_PER_SAMPLE) + " more peers banned for corrupt segments"));
        }
    }

    /** "peer a1b2c3 sent a bad 720p#12: sha256: …" for a bad segment; the engine's message for other bans. */
    static String banText(StreamError.PeerBanned ban) {
        return ban.firstBytesOnly() ? ban.message()
                : "peer " + PeerIds.shortId(ban.peerId()) + " sent a bad " + ban.segment() + ": " + ban.reason();
    }

    private void failures(Class<?> kind, List<StreamError> errors, List<Notice> notices) {
        StreamError latest = errors.get(errors.size() - 1);
        Instant last = lastShown.get(kind);
        int held = heldBack.getOrDefault(kind, 0);
        if (last != null && latest.at().isBefore(last.plus(COOLDOWN))) {
            heldBack.put(kind, held + errors.size());
            return;
        }
        int others = held + errors.size() - 1;
        lastShown.put(kind, latest.at());
        heldBack.remove(kind);
        String text = latest.message() + (others > 0 ? " (and " + others + " more like it)" : "");
        notices.add(switch (latest) {
            case StreamError.PlaylistFailed f -> new Notice(Notice.Severity.ERROR, "Playlist failed", text);
            case StreamError.MalformedPlaylist m -> new Notice(Notice.Severity.ERROR, "Malformed playlist", text);
            default -> new Notice(Notice.Severity.WARNING, "Segment failed", text);
        });
    }
}
