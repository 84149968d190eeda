package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HlsValuesTest {

    @Test
    void shortIvIsLeftPadded() throws Exception {
        assertThat(HexFormat.of().formatHex(HlsValues.iv128("0X1234", 1, "IV")))
                .isEqualTo("00000000000000000000000000001234");
        assertThat(HexFormat.of().formatHex(HlsValues.iv128("0xFFEEDDCCBBAA99887766554433221100", 1, "IV")))
                .isEqualTo("ffeeddccbbaa99887766554433221100");
    }

    @Test
    void decimalFloatsAcceptDotForms() throws Exception {
        assertThat(HlsValues.decimalFloat("10", 1, "x")).isEqualTo(10.0);
        assertThat(HlsValues.decimalFloat("10.", 1, "x")).isEqualTo(10.0);
        assertThat(HlsValues.decimalFloat(".5", 1, "x")).isEqualTo(0.5);
    }

    @Test
    void decimalFloatsRejectWhatDoubleParseDoubleWouldAccept() {
        for (String text : new String[] {"1e3", "0x1p3", "1d", "1f", "Infinity", "NaN", "+1", "-1", ".", "1.2.3", " 1"}) {
            PlaylistException e = catchThrowableOfType(PlaylistException.class,
                    () -> HlsValues.decimalFloat(text, 3, "EXTINF duration"));
            assertThat(e).as(text).isNotNull();
            assertThat(e.reason()).isEqualTo(PlaylistException.Reason.BAD_NUMBER);
        }
    }

    @Test
    void hugeDecimalFloatIsOutOfRange() {
        PlaylistException e = catchThrowableOfType(PlaylistException.class,
                () -> HlsValues.decimalFloat("9".repeat(400), 2, "EXTINF duration"));

        assertThat(e.getMessage()).endsWith("is out of range");
    }

    @Test
    void byteRangeOffsetIsOptional() throws Exception {
        assertThat(HlsValues.byteRange("100@20", 1, "x")).isEqualTo(new HlsValues.ByteRangeSpec(100, 20L));
        assertThat(HlsValues.byteRange("100", 1, "x")).isEqualTo(new HlsValues.ByteRangeSpec(100, null));
        assertThat(catchThrowableOfType(PlaylistException.class, () -> HlsValues.byteRange("100@", 1, "x")).reason())
                .isEqualTo(PlaylistException.Reason.BAD_BYTE_RANGE);
        assertThat(catchThrowableOfType(PlaylistException.class, () -> HlsValues.byteRange("@5", 1, "x")).reason())
                .isEqualTo(PlaylistException.Reason.BAD_BYTE_RANGE);
    }

    @Test
    void resolutionAcceptsOnlyDigits() throws Exception {
        assertThat(HlsValues.resolution("3840x2160", 1, "x")).isEqualTo(new Resolution(3840, 2160));
        assertThat(catchThrowableOfType(PlaylistException.class, () -> HlsValues.resolution("x720", 1, "x")).reason())
                .isEqualTo(PlaylistException.Reason.BAD_VALUE);
        assertThat(catchThrowableOfType(PlaylistException.class,
                () -> HlsValues.resolution("99999999999x1", 1, "x")).reason())
                .isEqualTo(PlaylistException.Reason.BAD_VALUE);
    }
}
