package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JavaScript conversions; expected values are what JavaScript (node 20) prints for the same expressions. */
class JsValuesTest {

    @ParameterizedTest
    @CsvSource({
            "25.0, 25", "29.97, 29.97", "23.976, 23.976", "0.5, 0.5", "100, 100", "2824576, 2824576",
            "1e21, 1e+21", "1.5e21, 1.5e+21", "1e20, 100000000000000000000", "0.000001, 0.000001", "1e-7, 1e-7",
            "1.25e-7, 1.25e-7", "-2.5, -2.5", "9007199254740991, 9007199254740991", "0.1, 0.1", "59.94, 59.94"
    })
    void numbersPrintAsInJavaScript(double value, String expected) {
        assertThat(JsValues.numberToString(value)).isEqualTo(expected);
    }

    @Test
    void specialNumbersPrintAsInJavaScript() {
        assertThat(JsValues.numberToString(Double.NaN)).isEqualTo("NaN");
        assertThat(JsValues.numberToString(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(JsValues.numberToString(-0.0)).isEqualTo("0");
    }

    @Test
    void parseIntReadsTheLeadingDigitsAsJavaScriptDoes() {
        assertThat(JsValues.parseInt("66", 10)).isEqualTo(66);
        assertThat(JsValues.parseInt("  -12abc", 10)).isEqualTo(-12);
        assertThat(JsValues.parseInt("4d", 10)).isEqualTo(4);
        assertThat(JsValues.parseInt("0x1f", 0)).isEqualTo(31);
        assertThat(JsValues.parseInt("0x1f", 10)).isEqualTo(0);
        assertThat(JsValues.parseInt("1f", 16)).isEqualTo(31);
        assertThat(JsValues.parseInt("abc", 10)).isNaN();
        assertThat(JsValues.parseInt("", 0)).isNaN();
        assertThat(JsValues.parseInt("\u0661", 10)).isNaN(); // Arabic-Indic digit one: not a JavaScript digit
        assertThat(JsValues.parseInt("99999999999999999999", 10)).isEqualTo(1e20);
    }

    @Test
    void integersInOtherRadixes() {
        assertThat(JsValues.integerToString(66, 16)).isEqualTo("42");
        assertThat(JsValues.integerToString(-5, 16)).isEqualTo("-5");
        assertThat(JsValues.integerToString(Double.NaN, 16)).isEqualTo("NaN");
        assertThat(JsValues.integerToString(1e20, 16)).isEqualTo("56bc75e2d63100000");
    }

    @Test
    void trimRemovesJavaScriptWhiteSpace() {
        assertThat(JsValues.trim("\u00a0\ufeff\t x y \u3000\n")).isEqualTo("x y");
        assertThat(JsValues.trim("\u0085x")).isEqualTo("\u0085x"); // NEL is not JavaScript white space
    }

    @Test
    void utf8ReplacesUnpairedSurrogatesAsTextEncoderDoes() {
        assertThat(JsValues.utf8("a\ud800b")).containsExactly('a', 0xef, 0xbf, 0xbd, 'b');
        assertThat(JsValues.utf8("\ud83d\ude00")).containsExactly(0xf0, 0x9f, 0x98, 0x80);
        assertThat(JsValues.utf8("\udc00")).containsExactly(0xef, 0xbf, 0xbd);
        assertThat(JsValues.utf8("\u00e4")).containsExactly(0xc3, 0xa4);
    }
}
