package io.p2pviewer.app.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.SegmentId;
import io.p2pviewer.engine.StreamError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticePolicyTest {
    private static final String BANNED_PEER = "-PV0100-abcdefgh1234";
    private static final String BAN_REASON = "sha256: SHA-256 0123456789ab… does not match the origin's";
    private final NoticePolicy policy = new NoticePolicy();

    private static Instant at(int second) {
        return FakeSnapshot.T0.plusSeconds(second);
    }

    /** A ban of {@code peer} for a bad segment 720p#12. */
    private static StreamError ban(int second, String peer) {
        return new StreamError.PeerBanned(at(second), peer, new SegmentId("720p", 12), false, BAN_REASON);
    }

    private static StreamError segmentFailed(int second, long seq, String reason) {
        return new StreamError.SegmentFailed(at(second), new SegmentId("720p", seq), reason);
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
        StreamError ban = ban(1, BANNED_PEER);
        assertThat(ban.message()).isEqualTo("Peer -PV0100-abcdefgh1234 sent a bad segment 720p#12 "
                + "(sha256: SHA-256 0123456789ab… does not match the origin's): banned");
        assertThat(at(1, ban)).containsExactly(new Notice(Notice.Severity.WARNING, "Peer banned: corrupt segment",
                "peer gh1234 sent a bad 720p#12: sha256: SHA-256 0123456789ab… does not match the origin's"));
        assertThat(at(2, ban)).isEmpty();
        assertThat(at(3, ban)).isEmpty();
    }

    @Test
    void eachNewErrorCountsOnceEvenWhileOlderOnesStayInTheWindow() {
        StreamError first = ban(1, BANNED_PEER);
        StreamError second = ban(5, BANNED_PEER.replace("abcdefgh1234", "zzzzzz999999"));
        assertThat(at(1, first)).hasSize(1);
        assertThat(at(5, first, second)).singleElement()
                .satisfies(n -> assertThat(n.text()).startsWith("peer 999999 "));
        assertThat(at(6, first, second)).isEmpty();
    }

    @Test
    void aBanForOtherThanABadSegmentIsShownAsTheEngineSaysIt() {
        StreamError.PeerBanned firstBytes = new StreamError.PeerBanned(at(1), "x", new SegmentId("720p", 12), true,
                StreamError.PeerBanned.FIRST_BYTES_DIFFER);
        assertThat(NoticePolicy.banText(firstBytes)).isEqualTo(firstBytes.message())
                .isEqualTo("Peer x sent bad first bytes of 720p#12 (they differ from the origin's): banned");
    }

    @Test
    void manyBansInOneSampleAreCappedWithACount() {
        StreamError[] bans = new StreamError[5];
        for (int i = 0; i < bans.length; i++) {
            bans[i] = ban(1, BANNED_PEER.replace("1234", "000" + i));
        }
        List<Notice> notices = at(1, bans);
        assertThat(notices).hasSize(NoticePolicy.MAX_BANS_PER_SAMPLE + 1);
        assertThat(notices.get(3).text()).isEqualTo("2 more peers banned for corrupt segments");
    }

    @Test
    void failuresOfOneKindAreOneNoticePerSampleThenQuietForTheCooldown() {
        StreamError a = segmentFailed(1, 3, "HTTP 500");
        StreamError b = segmentFailed(1, 4, "HTTP 500");
        StreamError playlist = new StreamError.PlaylistFailed(at(1), "720p", "timeout");
        assertThat(at(1, a, b, playlist)).containsExactly(
                new Notice(Notice.Severity.WARNING, "Segment failed",
                        "segment 720p#4: HTTP 500 (and 1 more like it)"),
                new Notice(Notice.Severity.ERROR, "Playlist failed", "Loading playlist of 720p failed: timeout"));

        StreamError c = segmentFailed(20, 5, "HTTP 500");
        assertThat(at(20, a, b, playlist, c)).as("within 30 s of the last notice").isEmpty();

        StreamError d = segmentFailed(31, 6, "HTTP 503");
        assertThat(at(31, a, b, playlist, c, d)).containsExactly(new Notice(Notice.Severity.WARNING,
                "Segment failed", "segment 720p#6: HTTP 503 (and 1 more like it)"));
    }

    @Test
    void malformedPlaylistsAreErrorsAndUnknownSegmentsAreLeftToTheLog() {
        assertThat(at(1, new StreamError.UnknownSegment(at(1), new SegmentId("720p", 1)))).isEmpty();
        assertThat(at(2, new StreamError.MalformedPlaylist(at(2), "720p", "no #EXTM3U")))
                .containsExactly(new Notice(Notice.Severity.ERROR, "Malformed playlist",
                        "Malformed playlist of 720p: no #EXTM3U"));
    }

    @Test
    void noStreamNoNotices() {
        assertThat(policy.newNotices(null)).isEmpty();
        // A new session's errors are new.
        StreamError ban = ban(1, BANNED_PEER);
        assertThat(at(1, ban)).hasSize(1);
        policy.newNotices(null);
        assertThat(at(2, ban)).hasSize(1);
    }
}
