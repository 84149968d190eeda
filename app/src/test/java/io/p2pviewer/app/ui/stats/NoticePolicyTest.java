package io.p2pviewer.app.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.StreamError.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticePolicyTest {
    private static final String BAN_MESSAGE = "Peer -PV0100-abcdefgh1234 sent a bad segment 720p#12 "
            + "(sha256: SHA-256 0123456789ab… does not match the origin's): banned";
    private final NoticePolicy policy = new NoticePolicy();

    private static StreamError err(int second, Kind kind, String message) {
        return new StreamError(FakeSnapshot.T0.plusSeconds(second), kind, message);
    }

    private List<Notice> at(int second, StreamError... errors) {
        FakeSnapshot s = FakeSnapshot.at(second);
        for (StreamError e : errors) {
            s.error(e);
        }
        return policy.newNotices(s.build());
    }

    @Test
    void aBannedPeerIsNotifiedOnceWithAShortText() {
        StreamError ban = err(1, Kind.PEER_BANNED, BAN_MESSAGE);
        assertThat(at(1, ban)).containsExactly(new Notice(Notice.Severity.WARNING, "Peer banned: corrupt segment",
                "peer gh1234 sent a bad 720p#12: sha256: SHA-256 0123456789ab… does not match the origin's"));
        assertThat(at(2, ban)).isEmpty();
        assertThat(at(3, ban)).isEmpty();
    }

    @Test
    void eachNewErrorCountsOnceEvenWhileOlderOnesStayInTheWindow() {
        StreamError first = err(1, Kind.PEER_BANNED, BAN_MESSAGE);
        StreamError second = err(5, Kind.PEER_BANNED, BAN_MESSAGE.replace("abcdefgh1234", "zzzzzz999999"));
        assertThat(at(1, first)).hasSize(1);
        assertThat(at(5, first, second)).singleElement()
                .satisfies(n -> assertThat(n.text()).startsWith("peer 999999 "));
        assertThat(at(6, first, second)).isEmpty();
    }

    @Test
    void anUnrecognisedBanMessageIsShownAsIs() {
        assertThat(NoticePolicy.banText("peer x misbehaved")).isEqualTo("peer x misbehaved");
    }

    @Test
    void manyBansInOneSampleAreCappedWithACount() {
        StreamError[] bans = new StreamError[5];
        for (int i = 0; i < bans.length; i++) {
            bans[i] = err(1, Kind.PEER_BANNED, BAN_MESSAGE.replace("1234", "000" + i));
        }
        List<Notice> notices = at(1, bans);
        assertThat(notices).hasSize(NoticePolicy.MAX_BANS_PER_SAMPLE + 1);
        assertThat(notices.get(3).text()).isEqualTo("2 more peers banned for corrupt segments");
    }

    @Test
    void failuresOfOneKindAreOneNoticePerSampleThenQuietForTheCooldown() {
        StreamError a = err(1, Kind.SEGMENT_FAILED, "Segment 720p#3 failed: HTTP 500");
        StreamError b = err(1, Kind.SEGMENT_FAILED, "Segment 720p#4 failed: HTTP 500");
        StreamError playlist = err(1, Kind.PLAYLIST_FAILED, "Loading playlist of 720p failed: timeout");
        assertThat(at(1, a, b, playlist)).containsExactly(
                new Notice(Notice.Severity.WARNING, "Segment failed",
                        "Segment 720p#4 failed: HTTP 500 (and 1 more like it)"),
                new Notice(Notice.Severity.ERROR, "Playlist failed", "Loading playlist of 720p failed: timeout"));

        StreamError c = err(20, Kind.SEGMENT_FAILED, "Segment 720p#5 failed: HTTP 500");
        assertThat(at(20, a, b, playlist, c)).as("within 30 s of the last notice").isEmpty();

        StreamError d = err(31, Kind.SEGMENT_FAILED, "Segment 720p#6 failed: HTTP 503");
        assertThat(at(31, a, b, playlist, c, d)).containsExactly(new Notice(Notice.Severity.WARNING,
                "Segment failed", "Segment 720p#6 failed: HTTP 503 (and 1 more like it)"));
    }

    @Test
    void malformedPlaylistsAreErrorsAndUnknownSegmentsAreLeftToTheLog() {
        assertThat(at(1, err(1, Kind.UNKNOWN_SEGMENT, "segment 720p#1 is not in any playlist"))).isEmpty();
        assertThat(at(2, err(2, Kind.MALFORMED_PLAYLIST, "Malformed playlist of 720p: no #EXTM3U")))
                .containsExactly(new Notice(Notice.Severity.ERROR, "Malformed playlist",
                        "Malformed playlist of 720p: no #EXTM3U"));
    }

    @Test
    void noStreamNoNotices() {
        assertThat(policy.newNotices(null)).isEmpty();
        // A new session's errors are new.
        StreamError ban = err(1, Kind.PEER_BANNED, BAN_MESSAGE);
        assertThat(at(1, ban)).hasSize(1);
        policy.newNotices(null);
        assertThat(at(2, ban)).hasSize(1);
    }
}
