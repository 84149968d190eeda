package io.p2pviewer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeSelectionTest {

    private static final long LENGTH = 1000;

    @Test
    void closedRange() {
        assertThat(RangeSelection.of("bytes=100-199", LENGTH)).isEqualTo(new RangeSelection.Slice(100, 199));
        assertThat(new RangeSelection.Slice(100, 199).length()).isEqualTo(100);
    }

    @Test
    void lastByteIsClampedToTheBody() {
        assertThat(RangeSelection.of("bytes=900-5000", LENGTH)).isEqualTo(new RangeSelection.Slice(900, 999));
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertThat(RangeSelection.of("bytes=990-", LENGTH)).isEqualTo(new RangeSelection.Slice(990, 999));
    }

    @Test
    void suffixRangeTakesTheLastBytes() {
        assertThat(RangeSelection.of("bytes=-10", LENGTH)).isEqualTo(new RangeSelection.Slice(990, 999));
        assertThat(RangeSelection.of("bytes=-5000", LENGTH)).isEqualTo(new RangeSelection.Slice(0, 999));
    }

    @Test
    void rangeBeyondTheBodyIsNotSatisfiable() {
        assertThat(RangeSelection.of("bytes=1000-1001", LENGTH)).isInstanceOf(RangeSelection.NotSatisfiable.class);
        assertThat(RangeSelection.of("bytes=-0", LENGTH)).isInstanceOf(RangeSelection.NotSatisfiable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-1", "bytes=5-1", "bytes=0-1,5-6", "bytes=a-b", "bytes=", "bytes=-",
            "bytes=1", "bytes=99999999999999999999-"})
    void unsupportedOrInvalidHeadersSelectTheWholeBody(String header) {
        assertThat(RangeSelection.of(header, LENGTH)).isInstanceOf(RangeSelection.WholeBody.class);
    }

    @Test
    void noHeaderSelectsTheWholeBody() {
        assertThat(RangeSelection.of(null, LENGTH)).isInstanceOf(RangeSelection.WholeBody.class);
    }
}
