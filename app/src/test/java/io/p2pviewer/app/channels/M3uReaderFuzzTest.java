package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Jazzer fuzz target for the M3U channel list reader ({@link M3uReader}): any bytes as a UTF-8 list.
 *
 * <p>What must hold: only {@link ReadException} escapes, with a one-line message; a list read has at least one channel,
 * no more channels than lines, every channel URL is http(s), and at most {@code MAX_WARNINGS + 1} warnings (the last
 * one counts the rest); catch-up URLs built from any list are http(s) or a reason, and a guide shift is at most a
 * day. Seeds: {@code M3uReaderFuzzTestInputs/readerOnlyRaisesReadExceptionAndStaysBounded}; the
 * mutation test {@link ChannelReadersFuzzTest} stays beside it as a fixed-seed check.
 */
class M3uReaderFuzzTest {

    @DictionaryEntries({"#EXTM3U", "#EXTINF:-1 ", "tvg-id=", "tvg-name=", "tvg-logo=", "group-title=",
            "url-tvg=", "x-tvg-url=", "catchup=", "#EXTGRP:", "#EXTVLCOPT:http-user-agent=", "#EXTVLCOPT:http-referrer=",
            "#KODIPROP:inputstream.adaptive.stream_headers=", "|User-Agent=", "&Referer=", "http://", "https://",
            "udp://", "<html>", ",", "catchup-source=", "catchup-days=", "tvg-shift=", "timeshift=", "{utc}",
            "${start}", "{duration:", "{offset:", "{Y}-{m}-{d}", "\"xc\"", "\"fs\"", "\"shift\"", "\"append\""})
    @FuzzTest
    void readerOnlyRaisesReadExceptionAndStaysBounded(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        ChannelList list;
        try {
            list = M3uReader.read(new StringReader(text));
        } catch (ReadException e) {
            assertThat(e.error()).isNotNull();
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertThat(list.channels()).isNotEmpty();
        assertThat((long) list.channels().size()).isLessThanOrEqualTo(Math.max(1, text.lines().count()));
        list.channels().forEach(c -> assertThat(c.url()).matches("(?i)https?://.+"));
        // What a list says about catch-up and guide shifts only ever gives an http(s) archive or a one-line reason.
        Instant now = Instant.parse("2026-12-06T20:00:00Z");
        for (Channel c : list.channels()) {
            for (CatchupUrl.Result r : new CatchupUrl.Result[] {
                    CatchupUrl.of(c, now.minusSeconds(7200), now.minusSeconds(3600), now, ZoneOffset.UTC),
                    CatchupUrl.fromStart(c, now.minusSeconds(600), now.plusSeconds(600), now, ZoneOffset.UTC)}) {
                switch (r) {
                    case CatchupUrl.Archive a -> assertThat(a.url()).matches("(?is)https?://.*");
                    case CatchupUrl.Unavailable u -> assertThat(u.reason()).isNotBlank();
                }
            }
            assertThat(ChannelProgrammes.shift(c).abs()).isLessThanOrEqualTo(ChannelProgrammes.MAX_SHIFT);
        }
        assertThat(list.warnings().size()).isLessThanOrEqualTo(M3uReader.MAX_WARNINGS + 1);
    }
}
