package io.p2pviewer.app.channels.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.p2pviewer.app.channels.ReadException;
import java.io.ByteArrayInputStream;

/**
 * Jazzer fuzz target for the XMLTV guide reader ({@link XmltvReader}): any bytes as a guide, plain or gzip.
 *
 * <p>What must hold: only {@link ReadException} escapes, with a one-line message; no entity is expanded and no
 * external resource read (Jazzer's XML and SSRF sanitizers watch the parser); a plain guide holds no more programmes,
 * nor channels, than it has {@code <} characters. Seeds:
 * {@code XmltvReaderFuzzTestInputs/readerOnlyRaisesReadExceptionAndStaysBounded}.
 */
class XmltvReaderFuzzTest {

    @DictionaryEntries({"<?xml version=\"1.0\"?>", "<tv>", "</tv>", "<channel id=", "</channel>", "<display-name>",
            "<programme start=", " stop=", " channel=", "</programme>", "<title>", "<desc>", "20240301000000 +0000",
            "<!DOCTYPE tv [<!ENTITY a \"b\">]>", "&amp;", "&a;", "<![CDATA[", "SYSTEM \"http://x/\""})
    @FuzzTest
    void readerOnlyRaisesReadExceptionAndStaysBounded(byte[] input) {
        Guide guide;
        try {
            guide = XmltvReader.read(new ByteArrayInputStream(input));
        } catch (ReadException e) {
            assertThat(e.error()).isNotNull();
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertThat(guide.store().programmeCount()).isNotNegative();
        boolean gzip = input.length >= 2 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b;
        if (!gzip) {
            long tags = 0;
            for (byte b : input) {
                tags += b == '<' ? 1 : 0;
            }
            assertThat((long) guide.store().programmeCount()).isLessThanOrEqualTo(tags);
            assertThat((long) guide.store().channelCount()).isLessThanOrEqualTo(tags);
        }
    }
}
