package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AttributeListParserTest {

    private static AttributeList parse(String line) throws PlaylistException {
        return AttributeListParser.parse(TagLine.of(line, 4));
    }

    private static PlaylistException failure(String line) {
        return catchThrowableOfType(PlaylistException.class, () -> parse(line));
    }

    @Test
    void readsEveryValueType() throws Exception {
        AttributeList a = parse("#EXT-X-STREAM-INF:BANDWIDTH=1280000,FRAME-RATE=29.970,"
                + "CODECS=\"avc1.42c01e,mp4a.40.2\",RESOLUTION=1920x1080,VIDEO-RANGE=PQ,IV=0x0102,DEFAULT=YES");

        assertThat(a.size()).isEqualTo(7);
        assertThat(a.decimalInteger("BANDWIDTH")).isEqualTo(1_280_000L);
        assertThat(a.decimalFloat("FRAME-RATE")).isEqualTo(29.97);
        assertThat(a.string("CODECS")).isEqualTo("avc1.42c01e,mp4a.40.2");
        assertThat(a.attribute("CODECS").quoted()).isTrue();
        assertThat(a.resolution("RESOLUTION")).isEqualTo(new Resolution(1920, 1080));
        assertThat(a.string("VIDEO-RANGE")).isEqualTo("PQ");
        assertThat(a.attribute("VIDEO-RANGE").quoted()).isFalse();
        assertThat(a.iv("IV")).startsWith(new byte[14]).endsWith(1, 2);
        assertThat(a.yesNo("DEFAULT", false)).isTrue();
        assertThat(a.yesNo("AUTOSELECT", false)).isFalse();
        assertThat(a.string("MISSING")).isNull();
        assertThat(a.decimalInteger("MISSING")).isNull();
    }

    @Test
    void recordsWhereEachValueIsInTheLine() throws Exception {
        String line = "#EXT-X-KEY:METHOD=AES-128,URI=\"k.key\",IV=0x01";
        AttributeList a = parse(line);

        AttributeList.Attribute uri = a.attribute("URI");
        assertThat(line.substring(uri.valueStart(), uri.valueEnd())).isEqualTo("k.key");
        AttributeList.Attribute iv = a.attribute("IV");
        assertThat(line.substring(iv.valueStart(), iv.valueEnd())).isEqualTo("0x01");
    }

    @Test
    void quotedStringsMayHoldCommasEqualsAndSpaces() throws Exception {
        AttributeList a = parse("#EXT-X-MEDIA:NAME=\"a, b = c\",URI=\"x.m3u8?a=1,2\"");

        assertThat(a.string("NAME")).isEqualTo("a, b = c");
        assertThat(a.string("URI")).isEqualTo("x.m3u8?a=1,2");
    }

    @Test
    void toleratesSpacesAroundSeparatorsAndATrailingComma() throws Exception {
        AttributeList a = parse("#EXT-X-STREAM-INF: BANDWIDTH=1 , AUDIO=\"a\" ,");

        assertThat(a.decimalInteger("BANDWIDTH")).isEqualTo(1L);
        assertThat(a.string("AUDIO")).isEqualTo("a");
    }

    @Test
    void resolvesUriAttributes() throws Exception {
        AttributeList a = parse("#EXT-X-MAP:URI=\"../init.mp4?v=2\"");

        assertThat(a.uri("URI", URI.create("https://h.example/a/b/index.m3u8")))
                .isEqualTo(URI.create("https://h.example/a/init.mp4?v=2"));
    }

    @Test
    void rejectsMalformedLists() {
        assertThat(failure("#EXT-X-MAP:").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:URI").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:URI=").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:URI=\"a").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:URI=\"a\"\"b\"").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:URI=a\"b\"").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:,URI=a").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:URI=a,,B=c").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(failure("#EXT-X-MAP:A B=c").reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        PlaylistException duplicate = failure("#EXT-X-MAP:URI=a,URI=b");
        assertThat(duplicate.reason()).isEqualTo(Reason.BAD_ATTRIBUTE_LIST);
        assertThat(duplicate.lineNumber()).isEqualTo(5);
        assertThat(duplicate.getMessage()).isEqualTo("line 5: EXT-X-MAP: attribute URI appears more than once");
    }

    @Test
    void rejectsMalformedTypedValues() throws Exception {
        AttributeList a = parse("#EXT-X-STREAM-INF:BANDWIDTH=-1,FRAME-RATE=1e3,RESOLUTION=1920*1080,IV=0x,DEFAULT=TRUE");

        assertThat(catchThrowableOfType(PlaylistException.class, () -> a.decimalInteger("BANDWIDTH")).reason())
                .isEqualTo(Reason.BAD_NUMBER);
        assertThat(catchThrowableOfType(PlaylistException.class, () -> a.decimalFloat("FRAME-RATE")).reason())
                .isEqualTo(Reason.BAD_NUMBER);
        assertThat(catchThrowableOfType(PlaylistException.class, () -> a.resolution("RESOLUTION")).reason())
                .isEqualTo(Reason.BAD_VALUE);
        assertThat(catchThrowableOfType(PlaylistException.class, () -> a.iv("IV")).reason())
                .isEqualTo(Reason.BAD_VALUE);
        assertThat(catchThrowableOfType(PlaylistException.class, () -> a.yesNo("DEFAULT", false)).reason())
                .isEqualTo(Reason.BAD_VALUE);
        assertThat(catchThrowableOfType(PlaylistException.class, () -> a.requiredString("CODECS")).reason())
                .isEqualTo(Reason.MISSING_ATTRIBUTE);
    }
}
