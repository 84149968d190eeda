package io.p2pviewer.engine.playlist;

import static io.p2pviewer.engine.playlist.PlaylistException.Reason.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each malformed input fails with the expected reason on the expected line. */
class MalformedPlaylistTest {
    private static final URI BASE = URI.create("https://origin.example.com/a/index.m3u8");
    private static final String MEDIA = "#EXTM3U\n#EXT-X-TARGETDURATION:6\n";
    private static final String MASTER = "#EXTM3U\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", EMPTY, 0),
                Arguments.of("only blank lines", "\n  \r\n\t\n", EMPTY, 0),
                Arguments.of("only a BOM", "\uFEFF", EMPTY, 0),
                Arguments.of("no #EXTM3U", "#EXT-X-TARGETDURATION:6\n#EXTINF:6,\na.ts\n", NOT_M3U8, 1),
                Arguments.of("HTML error page", "<html><body>403</body></html>", NOT_M3U8, 1),
                Arguments.of("#EXTM3U not first", "\n#EXTM3U\n", NOT_M3U8, 1),
                Arguments.of("#EXTM3U with suffix", "#EXTM3UX\n", NOT_M3U8, 1),
                Arguments.of("no target duration", "#EXTM3U\n#EXTINF:6,\na.ts\n", MISSING_TARGET_DURATION, 0),
                Arguments.of("header only", "#EXTM3U\n", MISSING_TARGET_DURATION, 0),
                Arguments.of("bad EXTINF duration", MEDIA + "#EXT-X-MEDIA-SEQUENCE:1\n#EXTINF:6,\na.ts\n"
                        + "#EXTINF:abc,\nb.ts\n", BAD_NUMBER, 6),
                Arguments.of("negative EXTINF", MEDIA + "#EXTINF:-1,\na.ts\n", BAD_NUMBER, 3),
                Arguments.of("NaN EXTINF", MEDIA + "#EXTINF:NaN,\na.ts\n", BAD_NUMBER, 3),
                Arguments.of("exponent EXTINF", MEDIA + "#EXTINF:1e3,\na.ts\n", BAD_NUMBER, 3),
                Arguments.of("empty EXTINF", MEDIA + "#EXTINF:\na.ts\n", BAD_NUMBER, 3),
                Arguments.of("float target duration", "#EXTM3U\n#EXT-X-TARGETDURATION:6.5\n", BAD_NUMBER, 2),
                Arguments.of("huge media sequence", MEDIA + "#EXT-X-MEDIA-SEQUENCE:99999999999999999999\n",
                        BAD_NUMBER, 3),
                Arguments.of("media sequence overflow", MEDIA + "#EXT-X-MEDIA-SEQUENCE:9223372036854775807\n"
                        + "#EXTINF:6,\na.ts\n#EXTINF:6,\nb.ts\n", BAD_NUMBER, 3),
                Arguments.of("unicode digits", MEDIA + "#EXT-X-MEDIA-SEQUENCE:\u0663\n", BAD_NUMBER, 3),
                Arguments.of("duplicate target duration", MEDIA + "#EXT-X-TARGETDURATION:6\n", DUPLICATE_TAG, 3),
                Arguments.of("bad playlist type", MEDIA + "#EXT-X-PLAYLIST-TYPE:LIVE\n", BAD_VALUE, 3),
                Arguments.of("URI without EXTINF", MEDIA + "#EXTINF:6,\na.ts\nb.ts\n", URI_WITHOUT_EXTINF, 5),
                Arguments.of("EXTINF at end", MEDIA + "#EXTINF:6,\na.ts\n#EXTINF:6,\n", EXTINF_WITHOUT_URI, 5),
                Arguments.of("EXTINF twice", MEDIA + "#EXTINF:6,\n#EXTINF:6,\na.ts\n", EXTINF_WITHOUT_URI, 3),
                Arguments.of("bad segment URI", MEDIA + "#EXTINF:6,\nseg 1.ts\n", BAD_URI, 4),
                Arguments.of("bad key URI", MEDIA + "#EXT-X-KEY:METHOD=AES-128,URI=\"k[1].key\"\n", BAD_URI, 3),
                Arguments.of("key without URI", MEDIA + "#EXT-X-KEY:METHOD=AES-128\n", MISSING_ATTRIBUTE, 3),
                Arguments.of("key without METHOD", MEDIA + "#EXT-X-KEY:URI=\"k\"\n", MISSING_ATTRIBUTE, 3),
                Arguments.of("unknown key method", MEDIA + "#EXT-X-KEY:METHOD=ROT13,URI=\"k\"\n", BAD_VALUE, 3),
                Arguments.of("IV without 0x", MEDIA + "#EXT-X-KEY:METHOD=AES-128,URI=\"k\",IV=1234\n",
                        BAD_VALUE, 3),
                Arguments.of("IV too long", MEDIA + "#EXT-X-KEY:METHOD=AES-128,URI=\"k\",IV=0x"
                        + "0".repeat(33) + "\n", BAD_VALUE, 3),
                Arguments.of("IV not hex", MEDIA + "#EXT-X-KEY:METHOD=AES-128,URI=\"k\",IV=0xZZ\n", BAD_VALUE, 3),
                Arguments.of("unterminated quote", MEDIA + "#EXT-X-KEY:METHOD=AES-128,URI=\"k\n",
                        BAD_ATTRIBUTE_LIST, 3),
                Arguments.of("attribute without =", MEDIA + "#EXT-X-KEY:METHOD\n", BAD_ATTRIBUTE_LIST, 3),
                Arguments.of("empty attribute list", MEDIA + "#EXT-X-MAP:\n", BAD_ATTRIBUTE_LIST, 3),
                Arguments.of("duplicate attribute", MEDIA + "#EXT-X-MAP:URI=\"a\",URI=\"b\"\n", BAD_ATTRIBUTE_LIST, 3),
                Arguments.of("garbage after quote", MEDIA + "#EXT-X-MAP:URI=\"a\"x\n", BAD_ATTRIBUTE_LIST, 3),
                Arguments.of("map without URI", MEDIA + "#EXT-X-MAP:BYTERANGE=\"10@0\"\n", MISSING_ATTRIBUTE, 3),
                Arguments.of("bad map byte range", MEDIA + "#EXT-X-MAP:URI=\"i.mp4\",BYTERANGE=\"ten\"\n",
                        BAD_BYTE_RANGE, 3),
                Arguments.of("byte range without offset first", MEDIA + "#EXTINF:6,\n#EXT-X-BYTERANGE:100\na.ts\n",
                        BAD_BYTE_RANGE, 4),
                Arguments.of("byte range without offset after another resource", MEDIA
                        + "#EXTINF:6,\n#EXT-X-BYTERANGE:100@0\na.ts\n#EXTINF:6,\n#EXT-X-BYTERANGE:100\nb.ts\n",
                        BAD_BYTE_RANGE, 7),
                Arguments.of("byte range after whole segment", MEDIA
                        + "#EXTINF:6,\na.ts\n#EXTINF:6,\n#EXT-X-BYTERANGE:100\na.ts\n", BAD_BYTE_RANGE, 6),
                Arguments.of("zero-length byte range", MEDIA + "#EXTINF:6,\n#EXT-X-BYTERANGE:0@0\na.ts\n",
                        BAD_BYTE_RANGE, 4),
                Arguments.of("byte range overflow", MEDIA + "#EXTINF:6,\n#EXT-X-BYTERANGE:2@9223372036854775807\na.ts\n",
                        BAD_BYTE_RANGE, 4),
                Arguments.of("bad date", MEDIA + "#EXT-X-PROGRAM-DATE-TIME:yesterday\n", BAD_DATE_TIME, 3),
                Arguments.of("master and media", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n"
                        + "#EXT-X-TARGETDURATION:6\n", MIXED_MASTER_AND_MEDIA, 4),
                Arguments.of("media and master", MEDIA + "#EXTINF:6,\na.ts\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\","
                        + "NAME=\"a\"\n", MIXED_MASTER_AND_MEDIA, 5),
                Arguments.of("variant without bandwidth", MASTER + "#EXT-X-STREAM-INF:CODECS=\"avc1.42c01e\"\nv.m3u8\n",
                        MISSING_ATTRIBUTE, 2),
                Arguments.of("bad bandwidth", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=fast\nv.m3u8\n", BAD_NUMBER, 2),
                Arguments.of("bad resolution", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=720p\nv.m3u8\n",
                        BAD_VALUE, 2),
                Arguments.of("bad frame rate", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=1,FRAME-RATE=fast\nv.m3u8\n",
                        BAD_NUMBER, 2),
                Arguments.of("stream inf at end", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n"
                        + "#EXT-X-STREAM-INF:BANDWIDTH=2\n", STREAM_INF_WITHOUT_URI, 4),
                Arguments.of("stream inf twice", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=1\n"
                        + "#EXT-X-STREAM-INF:BANDWIDTH=2\nv.m3u8\n", STREAM_INF_WITHOUT_URI, 2),
                Arguments.of("URI without stream inf", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\nw.m3u8\n",
                        URI_WITHOUT_STREAM_INF, 4),
                Arguments.of("bad variant URI", MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=1\nhttp://a b/\n", BAD_URI, 3),
                Arguments.of("master without variants", MASTER + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"a\","
                        + "URI=\"a.m3u8\"\n", NO_VARIANTS, 0),
                Arguments.of("rendition with bad type", MASTER + "#EXT-X-MEDIA:TYPE=MUSIC,GROUP-ID=\"a\",NAME=\"a\"\n",
                        BAD_VALUE, 2),
                Arguments.of("rendition without name", MASTER + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\"\n",
                        MISSING_ATTRIBUTE, 2),
                Arguments.of("rendition bad DEFAULT", MASTER + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"a\","
                        + "DEFAULT=yes\n", BAD_VALUE, 2),
                Arguments.of("i-frame variant without URI", MASTER + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=1\n",
                        MISSING_ATTRIBUTE, 2),
                Arguments.of("bad session key URI", MASTER + "#EXT-X-SESSION-KEY:METHOD=AES-128,URI=\"a b\"\n",
                        BAD_URI, 2),
                Arguments.of("bad steering URI", MASTER + "#EXT-X-CONTENT-STEERING:SERVER-URI=\"^\"\n", BAD_URI, 2),
                Arguments.of("bad part URI", MEDIA + "#EXT-X-PART:DURATION=1,URI=\"a b\"\n", BAD_URI, 3),
                Arguments.of("duplicate version", MASTER + "#EXT-X-VERSION:3\n#EXT-X-VERSION:4\n", DUPLICATE_TAG, 3),
                Arguments.of("version too big", MEDIA + "#EXT-X-VERSION:99999999999\n", BAD_NUMBER, 3),
                Arguments.of("CRLF line numbers", "#EXTM3U\r\n#EXT-X-TARGETDURATION:6\r\n\r\n#EXTINF:x,\r\na.ts\r\n",
                        BAD_NUMBER, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void failsWithReasonAndLine(String name, String text, Reason reason, int line) {
        PlaylistException e = catchThrowableOfType(PlaylistException.class, () -> PlaylistParser.parse(BASE, text));

        assertThat(e).as(name).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.lineNumber()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).isEqualTo(line > 0 ? "line " + line + ": " + e.detail() : e.detail());
    }

    @Test
    void messageNamesTheLineAndTheValue() {
        PlaylistException e = catchThrowableOfType(PlaylistException.class, () -> PlaylistParser.parse(BASE,
                MEDIA + "#EXTINF:6,\na.ts\n#EXTINF:6,\nb.ts\n#EXTINF:abc,\nc.ts\n"));

        assertThat(e.getMessage()).isEqualTo("line 7: EXTINF duration 'abc' is not a number");
    }

    @Test
    void attributeMessagesNameTagAndAttribute() {
        PlaylistException e = catchThrowableOfType(PlaylistException.class, () -> PlaylistParser.parse(BASE,
                MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=12a\nv.m3u8\n"));

        assertThat(e.getMessage()).isEqualTo("line 2: EXT-X-STREAM-INF attribute BANDWIDTH '12a' is not a decimal integer");
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String junk = "x".repeat(10_000);
        PlaylistException e = catchThrowableOfType(PlaylistException.class,
                () -> PlaylistParser.parse(BASE, MEDIA + "#EXTINF:" + junk + ",\na.ts\n"));

        assertThat(e.getMessage()).hasSizeLessThan(200);
    }

    @Test
    void rejectsTooManyCharacters() {
        String text = MEDIA + "#".repeat(PlaylistParser.MAX_CHARS);

        PlaylistException e = catchThrowableOfType(PlaylistException.class, () -> PlaylistParser.parse(BASE, text));

        assertThat(e.reason()).isEqualTo(TOO_LARGE);
    }

    @Test
    void rejectsTooManyLines() {
        String text = "#EXTM3U\n" + "#\n".repeat(PlaylistParser.MAX_LINES);

        PlaylistException e = catchThrowableOfType(PlaylistException.class, () -> PlaylistParser.parse(BASE, text));

        assertThat(e.reason()).isEqualTo(TOO_LARGE);
    }

    @Test
    void acceptsExactlyTheLineLimit() throws Exception {
        String text = MEDIA + "#\n".repeat(PlaylistParser.MAX_LINES - 2);

        assertThat(PlaylistParser.parse(BASE, text).lines()).hasSize(PlaylistParser.MAX_LINES);
    }
}
