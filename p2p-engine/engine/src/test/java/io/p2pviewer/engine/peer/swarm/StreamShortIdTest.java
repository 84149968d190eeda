package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.swarm.StreamShortId.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamShortId} against upstream's {@code generateStreamShortId} called directly (the {@code short ...} lines
 * of {@code gen-upstream-fixtures.mjs}; regenerate as described in {@code UpstreamWireFixtures}).
 */
class StreamShortIdTest {

    @Test
    void videoVariant() {
        var p = new Properties(2824576.0, "avc1.64001f", 1280, 720, null, null, null, 25.0, null);

        assertThat(StreamShortId.canonical(p)).isEqualTo("2824576-avc1.64001f-1280-720----25-");
        assertThat(StreamShortId.of(p)).isEqualTo("7qQAEteoI6Fdfl37amDnrHvTBGU=");
    }

    @Test
    void decimalAvcProfilesBecomeHex() {
        var p = new Properties(640000.0, "avc1.66.30", 640, 360, null, null, null, null, null);

        assertThat(StreamShortId.canonical(p)).isEqualTo("640000-avc1.42001e-640-360-----");
        assertThat(StreamShortId.of(p)).isEqualTo("8W4kn6oUWgN8T2pYsW4b2pFarbY=");
    }

    @Test
    void audioRendition() {
        var p = new Properties(0.0, "mp4a.40.2", null, null, "en", "2", "English", null, null);

        assertThat(StreamShortId.canonical(p)).isEqualTo("0-mp4a.40.2---en-2-english--");
        assertThat(StreamShortId.of(p)).isEqualTo("bdjQ1B4N2yrcTDHyU5j7iDGV9sY=");
    }

    @Test
    void codecsAreTrimmedLowerCasedConvertedAndSorted() {
        var p = new Properties(100.0, " AVC1.77.30 , avc1.100.40,hvc1.1.6.L93.B0", null, null, null, null, null, 0.0,
                " sdr ");

        assertThat(StreamShortId.canonical(p))
                .isEqualTo("100-avc1.4d001e,avc1.640028,hvc1.1.6.l93.b0------0-SDR");
        assertThat(StreamShortId.of(p)).isEqualTo("xdJPfmBHVVWlsqlUiHH89Cr8c30=");
    }

    @Test
    void absentValuesAreEmptyAndAMissingBitrateIsZero() {
        var p = new Properties(null, null, null, null, "und", "", "", null, "");

        assertThat(StreamShortId.canonical(p)).isEqualTo("0--------");
    }

    @Test
    void onlyCanonicalDecimalAvcProfilesAreConverted() {
        assertThat(codecs("avc1.066.30")).isEqualTo("avc1.066.30");
        assertThat(codecs("avc.77.40")).isEqualTo("avc.4d0028");
        assertThat(codecs("avc1.4d.1f")).isEqualTo("avc1.4d.1f");
        assertThat(codecs("avc1.5.1")).isEqualTo("avc1.050001");
        assertThat(codecs("avc3.77.30")).isEqualTo("avc3.77.30");
        assertThat(codecs("mp4a.40.2,,avc1.64001f")).isEqualTo(",avc1.64001f,mp4a.40.2");
    }

    private static String codecs(String codecs) {
        var properties = new Properties(1.0, codecs, null, null, null, null, null, null, null);
        String canonical = StreamShortId.canonical(properties);
        return canonical.substring(2, canonical.length() - 7);
    }
}
