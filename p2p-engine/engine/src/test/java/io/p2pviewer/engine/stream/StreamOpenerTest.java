package io.p2pviewer.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.StreamException;
import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.PlaylistParser;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A master playlist that points at itself, or at nothing playable, is refused with a message that says so. */
class StreamOpenerTest {
    private static final URI MASTER = URI.create("http://o.example/live/master.m3u8?token=SECRET123");

    private static MasterPlaylist master(String... uris) throws Exception {
        StringBuilder text = new StringBuilder("#EXTM3U\n");
        for (String uri : uris) {
            text.append("#EXT-X-STREAM-INF:BANDWIDTH=800000\n").append(uri).append('\n');
        }
        return (MasterPlaylist) PlaylistParser.parse(MASTER, text.toString());
    }

    @Test
    void aMasterThatPointsAtItselfIsRefused() {
        assertThatThrownBy(() -> StreamOpener.requirePlayable(MASTER, master("master.m3u8?token=SECRET123")))
                .isInstanceOfSatisfying(StreamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StreamException.Kind.MALFORMED_PLAYLIST);
                    assertThat(e.getMessage()).startsWith("The master playlist points at itself")
                            .contains("master.m3u8?token=***").doesNotContain("SECRET123");
                });
    }

    @Test
    void aMasterWithoutAnyHttpVariantListsNothingPlayable() {
        assertThatThrownBy(() -> StreamOpener.requirePlayable(MASTER, master("ftp://f.example/a.m3u8",
                "rtmp://r.example/b")))
                .hasMessageStartingWith("The master playlist lists nothing playable: no variant URI is http(s)");
    }

    @Test
    void anOrdinaryMasterIsPlayable() {
        assertThatCode(() -> StreamOpener.requirePlayable(MASTER, master("720p/playlist.m3u8?token=SECRET123",
                "ftp://f.example/a.m3u8"))).doesNotThrowAnyException();
    }

    /**
     * A master with a subtitle rendition opens: its track is served through the proxy like the others but has no
     * swarm (only main and audio streams do). Naming a swarm for it threw, and the open never completed.
     */
    @Test
    void aMasterWithASubtitleRenditionOpensAndOnlyTheAudioRenditionHasASwarm() throws Exception {
        String text = """
                #EXTM3U
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="en",NAME="English",DEFAULT=YES,URI="en/a.m3u8"
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="en",NAME="English",URI="subs/s.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=300000,CODECS="avc1.64000d,mp4a.40.2",AUDIO="aud",SUBTITLES="subs"
                video/v.m3u8
                """;
        var context = new StreamContext(new io.p2pviewer.testing.FakeTaskScheduler(), new FakeCdnClient(),
                new io.p2pviewer.engine.cache.SegmentCache(1 << 20), 3, java.time.Duration.ofSeconds(1), null,
                new java.util.HashSet<>());
        StreamController c = StreamOpener.open("m", MASTER,
                new io.p2pviewer.engine.http.TextResponse(MASTER, text), context);
        assertThat(c.tracks()).hasSize(3);
        assertThat(c.master().join()).contains("URI=\"t/2/playlist.m3u8\"").contains("URI=\"t/1/playlist.m3u8\"");
        assertThat(java.util.stream.IntStream.range(0, 3).mapToObj(i -> c.track(i).swarmId == null))
                .as("video and audio have swarms, subtitles none").containsExactly(false, false, true);
    }

    /**
     * A catch-up archive's URL differs from its live channel's only in the query ({@code ?utc=...}), which the
     * swarm base id drops: the stream's qualifier names its swarms apart, for a master and for a lone media
     * playlist, and leaves the base as browsers compute it before it.
     */
    @Test
    void aSwarmQualifierNamesTheStreamsSwarmsApartFromTheLiveOnes() throws Exception {
        var context = new StreamContext(new io.p2pviewer.testing.FakeTaskScheduler(), new FakeCdnClient(),
                new io.p2pviewer.engine.cache.SegmentCache(1 << 20), 3, java.time.Duration.ofSeconds(1), null,
                new java.util.HashSet<>());
        String master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\nv.m3u8\n";
        String media = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\ns1.ts\n";
        for (String text : new String[] {master, media}) {
            var live = new io.p2pviewer.engine.http.TextResponse(MASTER, text);
            var archive = new io.p2pviewer.engine.http.TextResponse(
                    URI.create("http://o.example/live/master.m3u8?token=SECRET123&utc=1796563800"), text);
            String liveId = StreamOpener.open("a", MASTER, live, context).track(0).swarmId;
            Track archiveTrack = StreamOpener.open("b", MASTER, archive,
                    context.withSwarmQualifier("#catchup-1796563800-3600")).track(0);
            String archiveId = archiveTrack.swarmId;
            assertThat(TrackP2p.joiningLine(archiveTrack)).contains("master.m3u8#catchup-1796563800-3600-main-");
            assertThat(liveId).startsWith("v2-http://o.example/live/master.m3u8-main-");
            assertThat(archiveId).startsWith("v2-http://o.example/live/master.m3u8#catchup-1796563800-3600-main-")
                    .isEqualTo(liveId.replace("master.m3u8-main-", "master.m3u8#catchup-1796563800-3600-main-"));
        }
    }

    /**
     * An Xtream Codes-style channel URL holds the subscriber's user name and password in its path, and the swarm id's
     * base is that URL: the INFO line of a track joining its swarm shows them masked, while the swarm id the tracker
     * hashes stays the whole URL (browsers watching the same URL must land in the same swarm).
     */
    @Test
    void theSwarmJoinLogLineMasksXtreamPathCredentialsAndTheSwarmIdKeepsThem() throws Exception {
        URI xtream = URI.create("http://iptv.example:8080/live/subscriber/hunter2/1234.m3u8");
        String media = """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:7
                #EXTINF:4,
                /hls/abc/7.ts
                """;
        var context = new StreamContext(new io.p2pviewer.testing.FakeTaskScheduler(), new FakeCdnClient(),
                new io.p2pviewer.engine.cache.SegmentCache(1 << 20), 3, java.time.Duration.ofSeconds(1), null,
                new java.util.HashSet<>());
        Track track = StreamOpener.open("m", xtream, new io.p2pviewer.engine.http.TextResponse(xtream, media), context)
                .track(0);
        assertThat(track.swarmId).startsWith("v2-http://iptv.example:8080/live/subscriber/hunter2/1234.m3u8-main-");
        assertThat(track.infoHash).isEqualTo(io.p2pviewer.engine.peer.swarm.SwarmIds.infoHash(track.swarmId));
        assertThat(TrackP2p.joiningLine(track))
                .startsWith("[main] joining swarm v2-http://iptv.example:8080/live/***/***/1234.m3u8-main-")
                .endsWith(" (info_hash " + track.infoHash + ")")
                .doesNotContain("hunter2", "subscriber");
    }
}
