package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.peer.swarm.PeerIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which new engine errors deserve a pop-up, each error once. Every peer ban is shown (at most
 * {@value #MAX_BANS_PER_SAMPLE} per sample, then a count); playlist and segment failures are shown once per kind
 * per sample, and then not again for {@link #COOLDOWN} (by the errors' own timestamps) — the next notice of that
 * kind counts the ones held back. Requests for segments outside the playlist (UNKNOWN_SEGMENT) are left to the
 * log. FX thread only.
 */
public final class NoticePolicy {
    /** Quiet time per kind of failure after a notice. */
    public static final Duration COOLDOWN = Duration.ofSeconds(30);
    static final int MAX_BANS_PER_SAMPLE = 3;
    private static final Pattern BAN =
            Pattern.compile("^Peer (\\S+) sent a bad segment (\\S+) \\((.*)\\): banned$");

    private Set<StreamError> seen = Set.of();
    private final Map<StreamError.Kind, Instant> lastShown = new EnumMap<>(StreamError.Kind.class);
    private final Map<StreamError.Kind, Integer> heldBack = new EnumMap<>(StreamError.Kind.class);

    /** The notices for the snapshot's errors not seen before, in order (empty while no stream is open). */
    public List<Notice> newNotices(EngineSnapshot e) {
        if (e == null) {
            seen = Set.of();
            return List.of();
        }
        Map<StreamError.Kind, List<StreamError>> fresh = new LinkedHashMap<>();
        for (StreamError err : e.recentErrors()) {
            if (!seen.contains(err)) {
                fresh.computeIfAbsent(err.kind(), k -> new ArrayList<>()).add(err);
            }
        }
        // Errors leave the snapshot's window oldest first and never come back: remembering the window is enough.
        seen = Set.copyOf(e.recentErrors());
        List<Notice> notices = new ArrayList<>();
        fresh.forEach((kind, errors) -> {
            switch (kind) {
                case PEER_BANNED -> bans(errors, notices);
                case UNKNOWN_SEGMENT -> { }
                default -> failures(kind, errors, notices);
            }
        });
        return notices;
    }

    private static void bans(List<StreamError> errors, List<Notice> notices) {
        for (int i = 0; i < Math.min(errors.size(), MAX_BANS_PER_SAMPLE); i++) {
            notices.add(new Notice(Notice.Severity.WARNING, "Peer banned: corrupt segment",
                    banText(errors.get(i).message())));
        }
        if (errors.size() > MAX_BANS_PER_SAMPLE) {
            notices.add(new Notice(Notice.Severity.WARNING, "Peers banned",
                    (errors.size() - MAX_BANS_PER_SAMPLE) + " more peers banned for corrupt segments"));
        }
    }

    /** "peer a1b2c3 sent a bad 720p#12: sha256: …" from the engine's ban message (the message itself otherwise). */
    static String banText(String message) {
        Matcher m = BAN.matcher(message);
        return m.matches() ? "peer " + PeerIds.shortId(m.group(1)) + " sent a bad " + m.group(2) + ": " + m.group(3)
                : message;
    }

    private void failures(StreamError.Kind kind, List<StreamError> errors, List<Notice> notices) {
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
        notices.add(switch (kind) {
            case PLAYLIST_FAILED -> new Notice(Notice.Severity.ERROR, "Playlist failed", text);
            case MALFORMED_PLAYLIST -> new Notice(Notice.Severity.ERROR, "Malformed playlist", text);
            default -> new Notice(Notice.Severity.WARNING, "Segment failed", text);
        });
    }
}
