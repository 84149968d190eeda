package io.p2pviewer.app.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.XmltvReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid playlists and guides (bytes flipped, cut, repeated, special tokens inserted):
 * thousands of cases, each either reads or fails with the typed {@link ReadException}; anything else (a runtime
 * exception, an error) fails the test with the seed to replay it.
 */
class ChannelReadersFuzzTest {
    private static final long SEED = 0x5EED_22L;
    private static final String[] TOKENS = {"\"", ",", "#EXTINF:", "#EXTM3U ", "#EXTVLCOPT:http-user-agent=", "|",
            "\r", "\n", "\u0000", "\uFEFF", "<", ">", "&", "&amp;", "&lol;", "<!DOCTYPE tv [<!ENTITY a \"b\">]>",
            "<programme start=\"", "</tv>", "+9999", "http://", "udp://", "'", "=", " ", "%"};

    @Test
    void mutatedPlaylistsReadOrFailTyped() throws Exception {
        byte[] valid = (ChannelFixtures.playlist(20, 3, "http://g/x.xml")
                + "#EXTINF:-1 tvg-id=\"a,b\" group-title='q',Name, with comma\n#KODIPROP:x.stream_headers=A=1&B=2\n"
                + "http://a/b|User-Agent=x&Referer=y\n").getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(SEED);
        int read = 0;
        int failed = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] input = mutate(valid, random);
            try {
                ChannelList l = M3uReader.read(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8));
                assertThat(l.channels()).isNotEmpty();
                l.channels().forEach(c -> assertThat(c.url()).matches("(?i)https?://.+"));
                read++;
            } catch (ReadException e) {
                assertThat(e.getMessage()).doesNotContain("\n");
                failed++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " (seed " + SEED + "): " + e, e);
            }
        }
        assertThat(read).isPositive();
        assertThat(failed).isPositive();
    }

    @Test
    void mutatedGuidesReadOrFailTyped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChannelFixtures.writeGuide(out, 4, 1, Instant.parse("2024-03-01T00:00:00Z"), false);
        byte[] valid = Arrays.copyOf(out.toByteArray(), 12_000);
        SplittableRandom random = new SplittableRandom(SEED);
        int read = 0;
        int failed = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] input = mutate(valid, random);
            if (i % 4 == 0) {
                input = gzip(input);
                if (random.nextBoolean()) {
                    input = Arrays.copyOf(input, random.nextInt(input.length + 1));
                }
            }
            try {
                Guide g = XmltvReader.read(new ByteArrayInputStream(input));
                assertThat(g.store().programmeCount()).isNotNegative();
                read++;
            } catch (ReadException e) {
                assertThat(e.getMessage()).doesNotContain("\n");
                failed++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " (seed " + SEED + "): " + e, e);
            }
        }
        assertThat(read).isPositive();
        assertThat(failed).isPositive();
    }

    private static byte[] mutate(byte[] valid, SplittableRandom r) {
        byte[] b = valid.clone();
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(b.length + 1);
            switch (r.nextInt(6)) {
                case 0 -> {
                    if (at < b.length) {
                        b[at] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length,
                        at + r.nextInt(200)), b.length));
                case 2 -> b = concat(concat(Arrays.copyOf(b, at), TOKENS[r.nextInt(TOKENS.length)]
                        .getBytes(StandardCharsets.UTF_8)), Arrays.copyOfRange(b, at, b.length));
                case 3 -> {
                    int len = Math.min(r.nextInt(300), b.length - at);
                    b = concat(concat(Arrays.copyOf(b, at + len), Arrays.copyOfRange(b, at, at + len)),
                            Arrays.copyOfRange(b, at + len, b.length));
                }
                case 4 -> b = Arrays.copyOf(b, at);
                default -> {
                    byte[] junk = new byte[r.nextInt(20)];
                    r.nextBytes(junk);
                    b = concat(concat(Arrays.copyOf(b, at), junk), Arrays.copyOfRange(b, at, b.length));
                }
            }
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }
}
