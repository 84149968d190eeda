package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistRewriterTest {
    private static final String PROXY = "http://127.0.0.1:8080/p/";

    /** Maps variants, renditions and I-frame variants to proxy paths and records what it was asked for. */
    private static class RecordingMasterMapper implements PlaylistRewriter.MasterUriMapper {
        final List<String> calls = new ArrayList<>();

        @Override
        public String variantUri(Variant v) {
            calls.add("variant " + v.uri());
            return PROXY + "variant/" + v.index() + ".m3u8";
        }

        @Override
        public String renditionUri(Rendition r) {
            calls.add("rendition " + r.uri());
            return PROXY + "rendition/" + r.index() + ".m3u8";
        }

        @Override
        public String iFrameUri(IFrameVariant v) {
            calls.add("iframe " + v.uri());
            return PROXY + "iframe/" + v.index() + ".m3u8";
        }
    }

    @Test
    void rewritesMasterExactly() throws Exception {
        MasterPlaylist master = PlaylistParser.parseMaster(URI.create("https://origin.example.com/tv/master.m3u8"), """
                #EXTM3U
                #EXT-X-VERSION:4
                #EXT-X-SESSION-KEY:METHOD=AES-128,URI="keys/session.key",KEYFORMAT="identity"
                #EXT-X-SESSION-DATA:DATA-ID="com.example.title",VALUE="News"
                #EXT-X-VENDOR:KEEP=ME
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Main",DEFAULT=YES,URI="audio/main.m3u8?t=1"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Muxed, in video",DEFAULT=NO
                #EXT-X-STREAM-INF:BANDWIDTH=800000,CODECS="avc1.42c01e,mp4a.40.2",AUDIO="aud"
                v0/index.m3u8?t=1
                # comment kept

                #EXT-X-STREAM-INF:BANDWIDTH=1600000,AUDIO="aud"
                /v1/index.m3u8
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI="v0/iframes.m3u8"
                """);
        RecordingMasterMapper mapper = new RecordingMasterMapper();

        String out = PlaylistRewriter.rewriteMaster(master, mapper);

        assertThat(out).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:4
                #EXT-X-SESSION-KEY:METHOD=AES-128,URI="https://origin.example.com/tv/keys/session.key",KEYFORMAT="identity"
                #EXT-X-SESSION-DATA:DATA-ID="com.example.title",VALUE="News"
                #EXT-X-VENDOR:KEEP=ME
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Main",DEFAULT=YES,URI="http://127.0.0.1:8080/p/rendition/0.m3u8"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Muxed, in video",DEFAULT=NO
                #EXT-X-STREAM-INF:BANDWIDTH=800000,CODECS="avc1.42c01e,mp4a.40.2",AUDIO="aud"
                http://127.0.0.1:8080/p/variant/0.m3u8
                # comment kept

                #EXT-X-STREAM-INF:BANDWIDTH=1600000,AUDIO="aud"
                http://127.0.0.1:8080/p/variant/1.m3u8
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI="http://127.0.0.1:8080/p/iframe/0.m3u8"
                """);
        assertThat(mapper.calls).containsExactly(
                "rendition https://origin.example.com/tv/audio/main.m3u8?t=1",
                "variant https://origin.example.com/tv/v0/index.m3u8?t=1",
                "variant https://origin.example.com/v1/index.m3u8",
                "iframe https://origin.example.com/tv/v0/iframes.m3u8");
    }

    @Test
    void masterIFrameUrisDefaultToAbsoluteOriginUris() throws Exception {
        MasterPlaylist master = PlaylistParser.parseMaster(URI.create("https://origin.example.com/tv/master.m3u8"), """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1
                v.m3u8
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=9,URI="../trick/iframes.m3u8"
                """);

        String out = PlaylistRewriter.rewriteMaster(master, new PlaylistRewriter.MasterUriMapper() {
            @Override
            public String variantUri(Variant v) {
                return "t/0/playlist.m3u8";
            }

            @Override
            public String renditionUri(Rendition r) {
                throw new AssertionError("no rendition has a URI");
            }
        });

        assertThat(out).isEqualTo("""
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1
                t/0/playlist.m3u8
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=9,URI="https://origin.example.com/trick/iframes.m3u8"
                """);
    }

    @Test
    void masterMakesSteeringAndSessionDataAbsolute() throws Exception {
        MasterPlaylist master = PlaylistParser.parseMaster(
                URI.create("https://origin.example.com/tv/master.m3u8?x=1"),
                Fixtures.text("master.m3u8"));

        String out = PlaylistRewriter.rewriteMaster(master, new RecordingMasterMapper());

        assertThat(out.lines().toList()).contains(
                "#EXT-X-CONTENT-STEERING:SERVER-URI=\"https://origin.example.com/steering?video=00012\","
                        + "PATHWAY-ID=\"CDN-A\"",
                "#EXT-X-SESSION-DATA:DATA-ID=\"com.example.lyrics\",URI=\"https://origin.example.com/tv/lyrics.json\"",
                "#EXT-X-SESSION-KEY:METHOD=AES-128,URI=\"https://origin.example.com/keys/session.key\","
                        + "KEYFORMAT=\"identity\"",
                "#EXT-X-VENDOR-TAG:FOO=bar",
                "# a comment",
                "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English, forced\",LANGUAGE=\"en\","
                        + "URI=\"http://127.0.0.1:8080/p/rendition/2.m3u8\"");
        assertThat(out.lines().count()).isEqualTo(master.lines().size());
    }

    @Test
    void rewritesMediaExactly() throws Exception {
        String crlf = """
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-MEDIA-SEQUENCE:100
                #EXT-X-KEY:METHOD=AES-128,URI="../keys/k1.key?token=abc",IV=0x1234
                #EXT-X-MAP:URI="init.mp4",BYTERANGE="600@0"
                #EXTINF:6.0,
                seg100.m4s?token=abc
                #EXT-X-VENDOR-CUE:ID="x",DURATION=30
                #EXT-X-KEY:METHOD=NONE
                #EXTINF:6.0,title
                https://cdn.example.com/seg101.m4s
                #EXT-X-ENDLIST
                """.replace("\n", "\r\n");
        MediaPlaylist media = PlaylistParser.parseMedia(URI.create("https://origin.example.com/tv/v0/index.m3u8"),
                "\uFEFF" + crlf);
        List<MediaSegment> asked = new ArrayList<>();

        String out = PlaylistRewriter.rewriteMedia(media, s -> {
            asked.add(s);
            return "seg/" + s.mediaSequence() + ".m4s";
        });

        assertThat(out).isEqualTo("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-MEDIA-SEQUENCE:100
                #EXT-X-KEY:METHOD=AES-128,URI="https://origin.example.com/tv/keys/k1.key?token=abc",IV=0x1234
                #EXT-X-MAP:URI="https://origin.example.com/tv/v0/init.mp4",BYTERANGE="600@0"
                #EXTINF:6.0,
                seg/100.m4s
                #EXT-X-VENDOR-CUE:ID="x",DURATION=30
                #EXT-X-KEY:METHOD=NONE
                #EXTINF:6.0,title
                seg/101.m4s
                #EXT-X-ENDLIST
                """);
        assertThat(asked).extracting(MediaSegment::mediaSequence).containsExactly(100L, 101L);
    }

    @Test
    void keyUrisAreAbsoluteAndNeverGivenToTheMapper() throws Exception {
        URI base = URI.create("https://origin.example.com/tv/v0/index.m3u8");
        MediaPlaylist media = PlaylistParser.parseMedia(base, Fixtures.text("vod-fmp4-keys.m3u8"));
        List<URI> asked = new ArrayList<>();

        String out = PlaylistRewriter.rewriteMedia(media, s -> {
            asked.add(s.uri());
            return "seg/" + s.position();
        });

        assertThat(asked).extracting(URI::getPath).containsExactly(
                "/tv/v0/a0.m4s", "/tv/v0/a1.m4s", "/tv/v0/a2.m4s", "/tv/v0/b0.m4s", "/tv/v0/b1.m4s");
        assertThat(out.lines().filter(l -> l.startsWith("#EXT-X-KEY")).toList()).containsExactly(
                "#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example.com/k1?auth=abc\","
                        + "IV=0x00000000000000000000000000000A0B",
                "#EXT-X-KEY:METHOD=AES-128,URI=\"https://origin.example.com/tv/v0/key2.bin\"",
                "#EXT-X-KEY:METHOD=NONE");
        assertThat(out).contains("#EXT-X-MAP:URI=\"https://origin.example.com/tv/v0/init-b.mp4\"\n")
                .contains("#EXT-X-VENDOR-SOMETHING:X=1\n");
        MediaPlaylist reparsed = PlaylistParser.parseMedia(URI.create("http://127.0.0.1:1/x/index.m3u8"), out);
        assertThat(reparsed.segments()).extracting(MediaSegment::key).containsExactlyElementsOf(
                media.segments().stream().map(MediaSegment::key).toList());
    }

    @Test
    void llHlsUrisAreMadeAbsolute() throws Exception {
        MediaPlaylist media = PlaylistParser.parseMedia(URI.create("https://o.example.com/live/v0/index.m3u8"), """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-PART:DURATION=0.33334,URI="part10.0.m4s"
                #EXTINF:4,
                seg10.m4s
                #EXT-X-PRELOAD-HINT:TYPE=PART,URI="part11.1.m4s"
                #EXT-X-RENDITION-REPORT:URI="../v1/index.m3u8",LAST-MSN=11,LAST-PART=0
                """);

        String out = PlaylistRewriter.rewriteMedia(media, s -> "seg/" + s.mediaSequence());

        assertThat(out).isEqualTo("""
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-PART:DURATION=0.33334,URI="https://o.example.com/live/v0/part10.0.m4s"
                #EXTINF:4,
                seg/0
                #EXT-X-PRELOAD-HINT:TYPE=PART,URI="https://o.example.com/live/v0/part11.1.m4s"
                #EXT-X-RENDITION-REPORT:URI="https://o.example.com/live/v1/index.m3u8",LAST-MSN=11,LAST-PART=0
                """);
    }

    @Test
    void onlyTheUriValueChangesInsideATag() throws Exception {
        MediaPlaylist media = PlaylistParser.parseMedia(URI.create("https://o.example.com/a/index.m3u8"), """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-KEY:IV=0xAB, KEYFORMAT="identity",URI=k.key ,METHOD=AES-128
                #EXTINF:4,
                a.ts
                """);

        String out = PlaylistRewriter.rewriteMedia(media, s -> "s");

        assertThat(out.lines().toList().get(2))
                .isEqualTo("#EXT-X-KEY:IV=0xAB, KEYFORMAT=\"identity\",URI=https://o.example.com/a/k.key ,METHOD=AES-128");
    }

    @Test
    void unchangedPlaylistIsReemittedLineForLine() throws Exception {
        for (String name : Fixtures.ALL) {
            String text = Fixtures.text(name);
            Playlist p = PlaylistParser.parse(URI.create("https://origin.example.com/"), text);
            String out = switch (p) {
                case MasterPlaylist m -> PlaylistRewriter.rewriteMaster(m, new PlaylistRewriter.MasterUriMapper() {
                    @Override
                    public String variantUri(Variant v) {
                        return m.lines().get(v.uriLineIndex());
                    }

                    @Override
                    public String renditionUri(Rendition r) {
                        return r.uri().toString();
                    }
                });
                case MediaPlaylist m -> PlaylistRewriter.rewriteMedia(m, s -> m.lines().get(s.uriLineIndex()));
            };
            List<String> outLines = out.lines().toList();
            assertThat(outLines).as(name).hasSameSizeAs(p.lines());
            for (int i = 0; i < outLines.size(); i++) {
                String original = p.lines().get(i);
                if (!original.contains("URI=")) {
                    assertThat(outLines.get(i)).as(name + " line " + (i + 1)).isEqualTo(original);
                }
            }
        }
    }

    @Test
    void rejectsMapperOutputThatWouldBreakThePlaylist() throws Exception {
        MediaPlaylist media = PlaylistParser.parseMedia(URI.create("https://o.example.com/a/index.m3u8"),
                Fixtures.text("byterange.m3u8"));
        MasterPlaylist master = PlaylistParser.parseMaster(URI.create("https://o.example.com/a/master.m3u8"),
                Fixtures.text("master.m3u8"));

        assertThatThrownBy(() -> PlaylistRewriter.rewriteMedia(media, s -> "a\nb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segmentUri");
        assertThatThrownBy(() -> PlaylistRewriter.rewriteMedia(media, s -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlaylistRewriter.rewriteMedia(media, s -> "#EXT-X-ENDLIST"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlaylistRewriter.rewriteMaster(master, new RecordingMasterMapper() {
            @Override
            public String renditionUri(Rendition r) {
                return "a\"b";
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renditionUri");
    }
}
