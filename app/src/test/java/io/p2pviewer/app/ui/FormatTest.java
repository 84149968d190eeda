package io.p2pviewer.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void bytes() {
        assertThat(Format.bytes(0)).isEqualTo("0 B");
        assertThat(Format.bytes(999)).isEqualTo("999 B");
        assertThat(Format.bytes(1500)).isEqualTo("1.5 kB");
        assertThat(Format.bytes(12_345_678)).isEqualTo("12.3 MB");
        assertThat(Format.bytes(345_000_000)).isEqualTo("345 MB");
    }

    @Test
    void rates() {
        assertThat(Format.rate(100)).isEqualTo("800 bit/s");
        assertThat(Format.rate(312_500)).isEqualTo("2.5 Mbit/s");
        assertThat(Format.rate(12_500)).isEqualTo("100 kbit/s");
    }
}
