package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistParserTest {
    private static final URI MASTER_URI = URI.create("https://origin.example.com/live/channel1/master.m3u8?session=xyz");
    private static final URI MEDIA_URI = URI.create("https://origin.example.com/live/channel1/low/index.m3u8");

    @Test
    void parsesMasterVariants() throws Exception {
        MasterPlaylist master = PlaylistParser.parseMaster(MASTER_URI, Fixtures.text("master.m3u8"));

        assertThat(master.uri()).isEqualTo(MASTER_URI);
        assertThat(master.version()).isEqualTo(6);
        assertThat(master.independentSegments()).isTrue();
        assertThat(master.variants()).extracting(Variant::uri).containsExactly(
                URI.create("https://origin.example.com/live/channel1/low/index.m3u8"),
                URI.create("https://origin.example.com/live/mid/index.m3u8?token=abc123"),
                URI.create("https://cdn2.example.com/hi/index.m3u8"),
                URI.create("https://origin.example.com/audio-only/index.m3u8"));
        assertThat(master.variants()).extracting(Variant::index).containsExactly(0, 1, 2, 3);

        Variant low = master.variants().get(0);
        assertThat(low.bandwidth()).isEqualTo(1_280_000);
        assertThat(low.averageBandwidth()).isEqualTo(1_000_000L);
        assertThat(low.resolution()).isEqualTo(new Resolution(640, 360));
        assertThat(low.frameRate()).isEqualTo(29.97);
        assertThat(low.codecs()).isEqualTo("avc1.42c01e,mp4a.40.2");
        assertThat(low.audioGroupId()).isEqualTo("aac");
        assertThat(low.subtitlesGroupId()).isEqualTo("subs");
        assertThat(low.videoRange()).isNull();
        assertThat(master.lines().get(low.tagLineIndex())).startsWith("#EXT-X-STREAM-INF:BANDWIDTH=1280000,");
        assertThat(master.lines().get(low.uriLineIndex())).isEqualTo("low/index.m3u8");

        Variant mid = master.variants().get(1);
        assertThat(mid.frameRate()).isEqualTo(30.0);
        assertThat(mid.videoRange()).isEqualTo("SDR");

        Variant hi = master.variants().get(2);
        assertThat(hi.codecs()).isEqualTo("avc1.66.30");
        assertThat(hi.averageBandwidth()).isNull();
        assertThat(hi.frameRate()).isNull();
        assertThat(hi.resolution()).isEqualTo(new Resolution(1920, 1080));
        assertThat(hi.closedCaptionsGroupId()).isEqualTo("NONE");

        Variant audioOnly = master.variants().get(3);
        assertThat(audioOnly.resolution()).isNull();
        assertThat(audioOnly.audioGroupId()).isNull();
    }

    @Test
    void parsesMasterRenditionsWithAndWithoutUri() throws Exception {
        MasterPlaylist master = PlaylistParser.parseMaster(MASTER_URI, Fixtures.text("master.m3u8"));

        assertThat(master.renditions()).hasSize(3);
        Rendition english = master.renditions().get(0);
        assertThat(english).isEqualTo(new Rendition(0, RenditionType.AUDIO, "aac", "English", "en", "2", true, true,
                null, 9));
        Rendition german = master.renditions().get(1);
        assertThat(german.uri()).isEqualTo(URI.create(
                "https://origin.example.com/live/channel1/audio/de/index.m3u8?token=a%2Cb&exp=1700000000"));
        assertThat(german.isDefault()).isFalse();
        assertThat(german.autoselect()).isTrue();
        assertThat(german.channels()).isEqualTo("6");
        Rendition subs = master.renditions().get(2);
        assertThat(subs.type()).isEqualTo(RenditionType.SUBTITLES);
        assertThat(subs.name()).isEqualTo("English, forced");
        assertThat(subs.uri()).isEqualTo(URI.create("https://origin.example.com/subs/en.m3u8"));
        assertThat(subs.autoselect()).isFalse();
        assertThat(master.lines().get(subs.lineIndex())).startsWith("#EXT-X-MEDIA:TYPE=SUBTITLES");

        assertThat(master.iFrameVariants()).containsExactly(new IFrameVariant(0,
                URI.create("https://origin.example.com/live/channel1/low/iframe.m3u8"), 86_000, null,
                "avc1.42c01e", new Resolution(640, 360), null, 20));
    }

    @Test
    void masterKeepsEveryOriginalLine() throws Exception {
        String text = Fixtures.text("master.m3u8");
        MasterPlaylist master = PlaylistParser.parseMaster(MASTER_URI, text);

        assertThat(String.join("\n", master.lines()) + "\n").isEqualTo(text);
    }

    @Test
    void parsesLiveSlidingWindow() throws Exception {
        MediaPlaylist first = PlaylistParser.parseMedia(MEDIA_URI, Fixtures.text("live-window-1.m3u8"));
        MediaPlaylist second = PlaylistParser.parseMedia(MEDIA_URI, Fixtures.text("live-window-2.m3u8"));

        assertThat(first.live()).isTrue();
        assertThat(first.endList()).isFalse();
        assertThat(first.playlistType()).isEqualTo(PlaylistType.NONE);
        assertThat(first.targetDurationSeconds()).isEqualTo(6);
        assertThat(first.mediaSequence()).isEqualTo(2680);
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.segments()).extracting(MediaSegment::mediaSequence).containsExactly(2680L, 2681L, 2682L);
        assertThat(first.segments()).extracting(MediaSegment::position).containsExactly(0, 1, 2);
        assertThat(second.segments()).extracting(MediaSegment::mediaSequence).containsExactly(2681L, 2682L, 2683L);
        assertThat(second.segments().get(0).uri().getPath()).isEqualTo(first.segments().get(1).uri().getPath());

        MediaSegment s0 = first.segments().get(0);
        assertThat(s0.uri()).isEqualTo(URI.create("https://origin.example.com/live/channel1/low/seg2680.ts?token=t1"));
        assertThat(s0.duration()).isEqualTo(6.006);
        assertThat(s0.title()).isNull();
        assertThat(s0.programDateTime()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(s0.key()).isEqualTo(SegmentKey.NONE);
        assertThat(s0.byteRange()).isNull();
        assertThat(s0.initSection()).isNull();
        assertThat(first.lines().get(s0.uriLineIndex())).isEqualTo("seg2680.ts?token=t1");

        MediaSegment s2 = first.segments().get(2);
        assertThat(s2.title()).isEqualTo("Ad break, part 1");
        assertThat(s2.programDateTime()).isNull();
        assertThat(first.totalDurationSeconds()).isCloseTo(17.851, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void parsesVodWithKeysMapsAndDiscontinuities() throws Exception {
        MediaPlaylist vod = PlaylistParser.parseMedia(MEDIA_URI, Fixtures.text("vod-fmp4-keys.m3u8"));

        assertThat(vod.playlistType()).isEqualTo(PlaylistType.VOD);
        assertThat(vod.endList()).isTrue();
        assertThat(vod.live()).isFalse();
        assertThat(vod.discontinuitySequence()).isEqualTo(3);
        List<MediaSegment> s = vod.segments();
        assertThat(s).extracting(MediaSegment::discontinuity).containsExactly(false, false, false, true, false);
        assertThat(s).extracting(MediaSegment::discontinuitySequence).containsExactly(3L, 3L, 3L, 4L, 4L);

        SegmentKey first = s.get(0).key();
        assertThat(first.method()).isEqualTo(KeyMethod.AES_128);
        assertThat(first.uri()).isEqualTo(URI.create("https://keys.example.com/k1?auth=abc"));
        assertThat(first.keyFormat()).isEqualTo("identity");
        byte[] expectedIv = new byte[16];
        expectedIv[14] = 0x0A;
        expectedIv[15] = 0x0B;
        assertThat(first.iv()).isEqualTo(expectedIv);
        assertThat(first.effectiveIv(1)).isEqualTo(expectedIv);
        assertThat(s.get(1).key()).isEqualTo(first);

        SegmentKey second = s.get(2).key();
        assertThat(second.uri()).isEqualTo(URI.create("https://origin.example.com/live/channel1/low/key2.bin"));
        assertThat(second.iv()).isNull();
        byte[] sequenceIv = new byte[16];
        sequenceIv[15] = 2;
        assertThat(second.effectiveIv(s.get(2).mediaSequence())).isEqualTo(sequenceIv);

        assertThat(s.get(3).key()).isEqualTo(SegmentKey.NONE);
        assertThat(s.get(3).key().encrypted()).isFalse();
        assertThat(s.get(4).key()).isEqualTo(SegmentKey.NONE);

        assertThat(s.get(0).initSection()).isEqualTo(new InitSection(
                URI.create("https://origin.example.com/live/channel1/low/init-a.mp4"), null, 6));
        assertThat(s.get(2).initSection()).isSameAs(s.get(0).initSection());
        assertThat(s.get(3).initSection().uri().getPath()).isEqualTo("/live/channel1/low/init-b.mp4");
        assertThat(s.get(4).initSection()).isSameAs(s.get(3).initSection());
        assertThat(s.get(3).duration()).isEqualTo(10.0);
    }

    @Test
    void resolvesByteRangesWithAndWithoutOffset() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, Fixtures.text("byterange.m3u8"));

        assertThat(p.segments()).extracting(MediaSegment::byteRange).containsExactly(
                new ByteRange(75232, 720), new ByteRange(82112, 75952), new ByteRange(69864, 158064), null);
        assertThat(p.segments().get(1).byteRange().httpRangeHeader()).isEqualTo("bytes=75952-158063");
        assertThat(p.segments().get(0).initSection().byteRange()).isEqualTo(new ByteRange(720, 0));
        assertThat(p.lines().get(p.segments().get(0).uriLineIndex())).isEqualTo("main.mp4");
    }

    @Test
    void mapByteRangeWithoutOffsetStartsAtZero() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-MAP:URI="init.mp4",BYTERANGE="1000"
                #EXTINF:4,
                a.mp4
                """);

        assertThat(p.segments().get(0).initSection().byteRange()).isEqualTo(new ByteRange(1000, 0));
    }

    @Test
    void resolvesEveryKindOfUri() throws Exception {
        URI base = URI.create("https://cdn.example.com/a/b/media.m3u8?sig=1");
        MediaPlaylist p = PlaylistParser.parseMedia(base, Fixtures.text("uris.m3u8"));

        assertThat(p.segments()).extracting(seg -> seg.uri().toString()).containsExactly(
                "https://cdn.example.com/a/b/relative.ts",
                "https://cdn.example.com/a/b/sub/dir/seg.ts",
                "https://cdn.example.com/a/up.ts",
                "https://cdn.example.com/too-far.ts",
                "https://cdn.example.com/root/seg.ts?token=abc&exp=1",
                "https://other.example.net/x/seg.ts?Policy=eyJ&Signature=a~b_c&Key-Pair-Id=K",
                "https://edge.example.org/seg.ts",
                "https://cdn.example.com/a/b/here%20encoded.ts#frag");
    }

    @Test
    void acceptsCrlfAndByteOrderMark() throws Exception {
        String lf = Fixtures.text("vod-fmp4-keys.m3u8");
        String crlf = "\uFEFF" + lf.replace("\n", "\r\n");

        MediaPlaylist fromLf = PlaylistParser.parseMedia(MEDIA_URI, lf);
        MediaPlaylist fromCrlf = PlaylistParser.parseMedia(MEDIA_URI, crlf);

        assertThat(fromCrlf.segments()).isEqualTo(fromLf.segments());
        assertThat(fromCrlf.lines()).isEqualTo(fromLf.lines());
        assertThat(fromCrlf.lines().get(0)).isEqualTo("#EXTM3U");
    }

    @Test
    void acceptsMasterWithCrlfAndByteOrderMark() throws Exception {
        String crlf = "\uFEFF" + Fixtures.text("master.m3u8").replace("\n", "\r\n");

        MasterPlaylist master = PlaylistParser.parseMaster(MASTER_URI, crlf);

        assertThat(master.variants()).hasSize(4);
        assertThat(master.lines()).noneMatch(line -> line.contains("\r") || line.contains("\uFEFF"));
    }

    @Test
    void ignoresBlankLinesCommentsAndUnknownTags() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, """
                #EXTM3U

                # comment
                #EXT-X-TARGETDURATION:4
                #EXT-X-VENDOR-CUE-OUT:DURATION=30,ID="ad 1"
                #EXTINF:4,
                # comment between EXTINF and its URI

                #EXT-X-UNKNOWN
                  a.ts \t
                #EXT-X-CUE-IN
                """);

        assertThat(p.segments()).hasSize(1);
        assertThat(p.segments().get(0).uri()).isEqualTo(
                URI.create("https://origin.example.com/live/channel1/low/a.ts"));
        assertThat(p.segments().get(0).uriLineIndex()).isEqualTo(9);
        assertThat(p.lines()).hasSize(11).contains("#EXT-X-VENDOR-CUE-OUT:DURATION=30,ID=\"ad 1\"");
    }

    @Test
    void acceptsHeaderFollowedByWhitespace() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, "#EXTM3U \t\n#EXT-X-TARGETDURATION:2\n");

        assertThat(p.lines().get(0)).isEqualTo("#EXTM3U \t");
    }

    @Test
    void marksGapsAndKeepsTitles() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXTINF:4,first, with comma
                a.ts
                #EXT-X-GAP
                #EXTINF:4
                b.ts
                """);

        assertThat(p.segments()).extracting(MediaSegment::gap).containsExactly(false, true);
        assertThat(p.segments()).extracting(MediaSegment::title).containsExactly("first, with comma", null);
    }

    @Test
    void readsProgramDateTimeOffsets() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T14:00:00.500+02:00
                #EXTINF:4,
                a.ts
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T12:00:04.5+0000
                #EXTINF:4,
                b.ts
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T12:00:08
                #EXTINF:4,
                c.ts
                """);

        assertThat(p.segments()).extracting(seg -> seg.programDateTime().toInstant().toString())
                .containsExactly("2024-05-01T12:00:00.500Z", "2024-05-01T12:00:04.500Z", "2024-05-01T12:00:08Z");
    }

    @Test
    void keepsKeyFormatAndSampleAesMethod() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-KEY:METHOD=SAMPLE-AES,URI="skd://key-id-42",KEYFORMAT="com.apple.streamingkeydelivery",KEYFORMATVERSIONS="1"
                #EXTINF:4,
                a.ts
                """);

        SegmentKey key = p.segments().get(0).key();
        assertThat(key.method()).isEqualTo(KeyMethod.SAMPLE_AES);
        assertThat(key.uri()).isEqualTo(URI.create("skd://key-id-42"));
        assertThat(key.keyFormat()).isEqualTo("com.apple.streamingkeydelivery");
    }

    @Test
    void defaultsWhenOptionalTagsAreAbsent() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, "#EXTM3U\n#EXT-X-TARGETDURATION:2\n");

        assertThat(p.segments()).isEmpty();
        assertThat(p.mediaSequence()).isZero();
        assertThat(p.discontinuitySequence()).isZero();
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.playlistType()).isEqualTo(PlaylistType.NONE);
    }

    @Test
    void numbersSegmentsEvenWhenMediaSequenceComesLate() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, """
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXTINF:2,
                a.ts
                #EXT-X-MEDIA-SEQUENCE:7
                #EXTINF:2,
                b.ts
                """);

        assertThat(p.segments()).extracting(MediaSegment::mediaSequence).containsExactly(7L, 8L);
    }

    @Test
    void llHlsTagsArePassedThrough() throws Exception {
        MediaPlaylist p = PlaylistParser.parseMedia(MEDIA_URI, """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.0
                #EXT-X-PART-INF:PART-TARGET=0.33334
                #EXT-X-MEDIA-SEQUENCE:10
                #EXT-X-PART:DURATION=0.33334,URI="part10.0.m4s"
                #EXTINF:4,
                seg10.m4s
                #EXT-X-PART:DURATION=0.33334,URI="part11.0.m4s",INDEPENDENT=YES
                #EXT-X-PRELOAD-HINT:TYPE=PART,URI="part11.1.m4s"
                #EXT-X-RENDITION-REPORT:URI="../high/index.m3u8",LAST-MSN=11,LAST-PART=0
                """);

        assertThat(p.segments()).extracting(MediaSegment::mediaSequence).containsExactly(10L);
    }

    @Test
    void parseDecidesTheKind() throws Exception {
        assertThat(PlaylistParser.parse(MASTER_URI, Fixtures.text("master.m3u8"))).isInstanceOf(MasterPlaylist.class);
        assertThat(PlaylistParser.parse(MEDIA_URI, Fixtures.text("byterange.m3u8"))).isInstanceOf(MediaPlaylist.class);
    }

    @Test
    void parseMasterAndParseMediaRejectTheOtherKind() {
        assertThatThrownBy(() -> PlaylistParser.parseMaster(MEDIA_URI, Fixtures.text("byterange.m3u8")))
                .isInstanceOfSatisfying(PlaylistException.class,
                        e -> assertThat(e.reason()).isEqualTo(PlaylistException.Reason.WRONG_KIND));
        assertThatThrownBy(() -> PlaylistParser.parseMedia(MASTER_URI, Fixtures.text("master.m3u8")))
                .isInstanceOfSatisfying(PlaylistException.class,
                        e -> assertThat(e.reason()).isEqualTo(PlaylistException.Reason.WRONG_KIND));
    }

    @Test
    void rejectsRelativePlaylistUriAsProgrammingError() {
        assertThatThrownBy(() -> PlaylistParser.parse(URI.create("relative.m3u8"), "#EXTM3U\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFixtureParses() throws Exception {
        for (String name : Fixtures.ALL) {
            assertThat(PlaylistParser.parse(MEDIA_URI, Fixtures.text(name)).lines()).as(name).isNotEmpty();
        }
    }
}
