package io.p2pviewer.app.channels.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.p2pviewer.app.channels.ChannelFixtures;
import io.p2pviewer.app.channels.ReadError;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.ReadWarning;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link XmltvReader} and {@link GuideStore} by failure mode: valid guides, damaged parts, and no guide at all. */
class XmltvReaderTest {
    private static final String HEAD = "<?xml version=\"1.0\"?>\n<tv>\n";

    static Guide read(String xml) throws ReadException {
        return XmltvReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static ReadError error(byte[] bytes) {
        try {
            XmltvReader.read(new ByteArrayInputStream(bytes));
        } catch (ReadException e) {
            return e.error();
        }
        throw new AssertionError("no error");
    }

    static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    static String title(GuideStore s, String id, String at) {
        return s.now(s.channel(id, null, null), Instant.parse(at)).map(Programme::title).orElse(null);
    }

    @Nested
    class Valid {
        static final String GUIDE = HEAD + """
                  <channel id="bbc1.uk"><display-name lang="en">BBC One</display-name><display-name>BBC 1 HD</display-name></channel>
                  <channel id="arte.fr"><display-name>Arte</display-name></channel>
                  <programme start="20240301100000 +0000" stop="20240301110000 +0000" channel="bbc1.uk">
                    <title lang="en">News &amp; Weather</title><title lang="cy">Newyddion</title><desc>x</desc>
                  </programme>
                  <programme start="20240301120000 +0100" stop="20240301130000 +0100" channel="bbc1.uk"><title>Film</title></programme>
                  <programme start="20240301050000 -0500" stop="20240301060000 -0500" channel="arte.fr"><title>Doc</title></programme>
                  <programme start="202403011200 +05:30" stop="202403010730 Z" channel="arte.fr"><title>Late</title></programme>
                </tv>
                """;

        @Test
        void nowAndNextWithEachProgrammesOwnOffset() throws Exception {
            Guide g = read(GUIDE);
            GuideStore s = g.store();
            assertThat(s.programmeCount()).isEqualTo(4);
            int bbc = s.channel("bbc1.uk", null, null);
            assertThat(s.now(bbc, Instant.parse("2024-03-01T10:30:00Z"))).contains(new Programme("News & Weather",
                    Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-03-01T11:00:00Z")));
            assertThat(s.next(bbc, Instant.parse("2024-03-01T10:30:00Z")).orElseThrow().start())
                    .as("12:00 +0100 is 11:00 UTC").isEqualTo(Instant.parse("2024-03-01T11:00:00Z"));
            assertThat(title(s, "bbc1.uk", "2024-03-01T11:59:59Z")).isEqualTo("Film");
            assertThat(title(s, "bbc1.uk", "2024-03-01T12:00:00Z")).as("stop is exclusive").isNull();
            assertThat(title(s, "arte.fr", "2024-03-01T10:00:00Z")).as("05:00 -0500 is 10:00 UTC").isEqualTo("Doc");
            assertThat(title(s, "arte.fr", "2024-03-01T06:30:00Z")).as("12:00 +05:30 is 06:30 UTC").isEqualTo("Late");
            assertThat(g.warnings()).isEmpty();
        }

        @Test
        void channelsMatchByIdThenIdIgnoringCaseThenDisplayName() throws Exception {
            GuideStore s = read(GUIDE).store();
            int bbc = s.channel("bbc1.uk", null, null);
            assertThat(bbc).isNotNegative();
            assertThat(s.channel("BBC1.UK", null, null)).isEqualTo(bbc);
            assertThat(s.channel("wrong-id", "bbc 1 hd", "x")).isEqualTo(bbc);
            assertThat(s.channel(null, null, "  bbcONE ")).isEqualTo(bbc);
            assertThat(s.channel("", "nope", "Arte")).isEqualTo(s.channel("arte.fr", null, null));
            assertThat(s.channel("nope", "nope", "nope")).isEqualTo(-1);
            assertThat(s.now(-1, Instant.EPOCH)).isEmpty();
        }

        @Test
        void gzipIsDetectedByItsMagicBytes() throws Exception {
            Guide g = XmltvReader.read(new ByteArrayInputStream(gzip(GUIDE.getBytes(StandardCharsets.UTF_8))));
            assertThat(g.store().programmeCount()).isEqualTo(4);
        }

        @Test
        void aDoctypeNamingAnExternalDtdIsNeverFetched() throws Exception {
            AtomicInteger requests = new AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ex -> {
                requests.incrementAndGet();
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
            server.start();
            try {
                String dtd = "http://127.0.0.1:" + server.getAddress().getPort() + "/xmltv.dtd";
                Guide g = read("<?xml version=\"1.0\"?><!DOCTYPE tv SYSTEM \"" + dtd + "\">" + GUIDE.substring(HEAD.indexOf("<tv>")));
                assertThat(g.store().programmeCount()).isEqualTo(4);
                assertThat(requests).hasValue(0);
            } finally {
                server.stop(0);
            }
        }

        @Test
        void generatedSevenDaysOfTwoHundredChannels(@TempDir Path dir) throws Exception {
            Instant from = Instant.parse("2024-03-01T00:00:00Z");
            Path file = dir.resolve("guide.xml.gz");
            long written = ChannelFixtures.writeGuide(file, 200, 7, from, true);
            Guide g;
            try (var in = Files.newInputStream(file)) {
                g = XmltvReader.read(in);
            }
            GuideStore s = g.store();
            assertThat(g.warnings()).isEmpty();
            assertThat(s.programmeCount()).isEqualTo(written).isEqualTo(200 * 560);
            Instant at = Instant.parse("2024-03-04T13:37:00Z");
            for (int c : new int[] {0, 1, 2, 3, 199}) {
                assertThat(title(s, "ch" + c + ".example", at.toString())).isEqualTo(ChannelFixtures.titleAt(from, at));
            }
            assertThat(s.estimatedBytes() / s.programmeCount()).as("bytes per programme").isLessThan(40);
        }
    }

    @Nested
    class Insufficient {
        @Test
        void malformedDatesAreSkippedAndCountedWithTheFirstLine() throws Exception {
            Guide g = read(HEAD + """
                    <channel id="a"/>
                    <programme start="2024030110" stop="20240301110000 +0000" channel="a"><title>Short</title></programme>
                    <programme start="20241301100000 +0000" stop="20241301110000 +0000" channel="a"><title>Month13</title></programme>
                    <programme start="20240230100000 +0000" stop="20240230110000 +0000" channel="a"><title>Feb30</title></programme>
                    <programme start="20240301100000 +9900" stop="20240301110000 +0000" channel="a"><title>Offset</title></programme>
                    <programme start="20240301110000 +0000" stop="20240301100000 +0000" channel="a"><title>Reversed</title></programme>
                    <programme stop="20240301100000 +0000" channel="a"><title>NoStart</title></programme>
                    <programme start="20240301100000 +0000" stop="20240301110000 +0000"><title>NoChannel</title></programme>
                    <programme start="20240301100000 +0000" stop="20240301110000 +0000" channel="a"><title>Good</title></programme>
                    </tv>""");
            assertThat(g.store().programmeCount()).isEqualTo(1);
            assertThat(g.warnings()).extracting(ReadWarning::toString).containsExactly(
                    "guide: 6 programmes with malformed or reversed times skipped (first at line 4: "
                            + "start=\"2024030110\" stop=\"20240301110000 +0000\")",
                    "guide: 1 programmes without a channel attribute skipped");
        }

        @Test
        void timesWithoutOffsetAreUtcAndSaidSo() throws Exception {
            Guide g = read(HEAD + "<programme start=\"20240301100000\" stop=\"20240301110000\" channel=\"a\">"
                    + "<title>T</title></programme><channel id=\"a\"/></tv>");
            assertThat(title(g.store(), "a", "2024-03-01T10:00:00Z")).isEqualTo("T");
            assertThat(g.warnings()).extracting(ReadWarning::toString)
                    .containsExactly("guide: 2 times have no UTC offset; read as UTC");
        }

        @Test
        void overlappingProgrammesAreKeptAndTheLaterOneIsNow() throws Exception {
            Guide g = read(HEAD + """
                    <channel id="a"/>
                    <programme start="20240301120000 +0000" stop="20240301130000 +0000" channel="a"><title>C</title></programme>
                    <programme start="20240301100000 +0000" stop="20240301140000 +0000" channel="a"><title>Long</title></programme>
                    <programme start="20240301110000 +0000" stop="20240301113000 +0000" channel="a"><title>B</title></programme>
                    </tv>""");
            GuideStore s = g.store();
            assertThat(title(s, "a", "2024-03-01T10:30:00Z")).isEqualTo("Long");
            assertThat(title(s, "a", "2024-03-01T11:15:00Z")).isEqualTo("B");
            assertThat(title(s, "a", "2024-03-01T11:45:00Z")).as("B ended, Long still runs").isEqualTo("Long");
            assertThat(title(s, "a", "2024-03-01T12:30:00Z")).isEqualTo("C");
            assertThat(s.next(0, Instant.parse("2024-03-01T11:45:00Z")).orElseThrow().title()).isEqualTo("C");
            assertThat(g.warnings()).extracting(ReadWarning::toString).containsExactly(
                    "guide: 2 programmes overlap an earlier one on 1 channels (first: a); both kept, 'now' is the later");
        }

        @Test
        void programmesOfUndeclaredChannelsAreKeptAndReported() throws Exception {
            Guide g = read(HEAD + "<channel id=\"a\"/>"
                    + "<programme start=\"20240301100000 +0000\" stop=\"20240301110000 +0000\" channel=\"ghost\"><title>G</title></programme>"
                    + "<programme start=\"20240301100000 +0000\" stop=\"20240301110000 +0000\" channel=\"a\"><title>A</title></programme></tv>");
            assertThat(title(g.store(), "ghost", "2024-03-01T10:00:00Z")).isEqualTo("G");
            assertThat(g.warnings()).extracting(ReadWarning::message).containsExactly(
                    "1 programmes name 1 channels without a <channel> element (first: ghost); kept, matched by tvg-id only");
        }

        @Test
        void aTruncatedGzipKeepsWhatWasReadBefore(@TempDir Path dir) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChannelFixtures.writeGuide(out, 20, 2, Instant.parse("2024-03-01T00:00:00Z"), true);
            byte[] whole = out.toByteArray();
            byte[] cut = Arrays.copyOf(whole, whole.length / 2);
            Guide g = XmltvReader.read(new ByteArrayInputStream(cut));
            assertThat(g.store().programmeCount()).isPositive().isLessThan(20 * 160);
            assertThat(g.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                    .startsWith("reading stopped: gzip data truncated or damaged; kept the "));
        }

        @Test
        void anXmlErrorMidwayKeepsWhatWasReadBefore() throws Exception {
            Guide g = read(HEAD + "<programme start=\"20240301100000 +0000\" stop=\"20240301110000 +0000\" channel=\"a\">"
                    + "<title>A</title></programme>\n<programme <<<broken");
            assertThat(g.store().programmeCount()).isEqualTo(1);
            assertThat(g.warnings().getFirst().toString()).startsWith("guide line 4: reading stopped: ")
                    .endsWith("kept the 1 programmes read before");
        }
    }

    @Nested
    class Invalid {
        @Test
        void xxeIsNeverResolved(@TempDir Path dir) throws Exception {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "TOP-SECRET-CONTENT");
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE tv [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + "<tv><channel id=\"a\"/><programme start=\"20240301100000 +0000\" stop=\"20240301110000 +0000\" "
                    + "channel=\"a\"><title>&xxe;</title></programme></tv>";
            Guide g = read(xml);
            assertThat(g.store().programmeCount()).isZero();
            assertThat(g.warnings().toString()).doesNotContain("TOP-SECRET").contains("xxe");
        }

        @Test
        @Timeout(10)
        void aBillionLaughsIsNotExpanded() throws Exception {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE tv [<!ENTITY lol \"lol\">");
            for (int i = 1; i <= 9; i++) {
                dtd.append("<!ENTITY lol").append(i).append(" \"")
                        .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
            }
            dtd.append("]>");
            String xml = "<?xml version=\"1.0\"?>\n" + dtd + "\n<tv><channel id=\"a\"/><programme start=\"20240301100000 +0000\" "
                    + "stop=\"20240301110000 +0000\" channel=\"a\"><title>&lol9;</title></programme></tv>";
            Guide g = read(xml);
            assertThat(g.store().programmeCount()).isZero();
            assertThat(g.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("lol9"));
        }

        @Test
        void aDtdThatMakesTheJdkParserThrowARuntimeExceptionIsUnreadable() throws Exception {
            // found by XmltvReaderFuzzTest: the JDK's parser threw MissingResourceException("InvalidCharInDTD")
            byte[] input = Base64.getDecoder().decode("PCFET0NUWVBFIHR2IFs8IUVOVElUWSBhIARiIj5dPoc=");
            assertThat(error(input).reason()).startsWith("cannot read guide: not well-formed XML: ");
            assertThat(XmltvReader.thrownByTheParser(new IllegalStateException("ours"))).as("our own bug").isFalse();
        }

        @Test
        void emptyHtmlBinaryAndNotXml() throws Exception {
            assertThat(error(new byte[0])).isEqualTo(new ReadError.Empty("guide"));
            assertThat(error(" \n\t".getBytes())).isEqualTo(new ReadError.Empty("guide"));
            assertThat(error(gzip(new byte[0]))).isEqualTo(new ReadError.Empty("guide"));
            assertThat(error("<!DOCTYPE html><html><body>Not found</body></html>".getBytes()))
                    .isEqualTo(new ReadError.Html("guide", 1));
            assertThat(error(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13})).isInstanceOf(ReadError.Binary.class);
            assertThat(error("hello world".getBytes()).reason())
                    .isEqualTo("cannot read guide: not XML (it does not start with '<')");
            assertThat(error("<rss><channel/></rss>".getBytes()).reason())
                    .isEqualTo("guide has no playable entries (root element <rss>, not <tv>)");
            assertThat(error("<tv".getBytes()).reason()).startsWith("cannot read guide: not well-formed XML: ");
            assertThat(error(new byte[] {0x1f, (byte) 0x8b, 8}).reason())
                    .isEqualTo("cannot read guide: gzip data truncated or damaged");
        }
    }
}
