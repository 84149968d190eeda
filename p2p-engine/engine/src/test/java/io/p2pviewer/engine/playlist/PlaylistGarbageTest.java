package io.p2pviewer.engine.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated playlists and random bytes to the parser (and whatever parses to the rewriter) and checks that the
 * only failure is a well-formed {@link PlaylistException}. Seeded, so every run is the same.
 */
class PlaylistGarbageTest {
    private static final URI BASE = URI.create("https://origin.example.com/live/a/index.m3u8?s=1");
    private static final String[] TOKENS = {
            "\"", ",", "=", "@", ":", "#", "\n", "\r", "\r\n", " ", "\t", "0x", "x", "-", ".", "..", "../", "/", "//",
            "?", "%", "%zz", "{", "[", "\uFEFF", "\u0663", "\u0000", "NaN", "1e5", "99999999999999999999",
            "9223372036854775807", "0", "#EXTM3U\n", "#EXTINF:", "#EXTINF:1,\n", "#EXT-X-BYTERANGE:", "#EXT-X-KEY:",
            "#EXT-X-MAP:URI=", "#EXT-X-STREAM-INF:", "#EXT-X-MEDIA:", "#EXT-X-TARGETDURATION:", "METHOD=",
            "AES-128", "NONE", "URI=", "IV=", "BANDWIDTH=", "RESOLUTION=", "TYPE=AUDIO", "#EXT-X-DISCONTINUITY\n",
            "#EXT-X-MEDIA-SEQUENCE:", "#EXT-X-PROGRAM-DATE-TIME:", "T", "Z", "+", "skd://", "data:,x", "http://"};

    private int parsed;
    private final Set<PlaylistException.Reason> reasons = EnumSet.noneOf(PlaylistException.Reason.class);
    private final List<String> failures = new ArrayList<>();

    @Test
    void mutatedPlaylistsFailOnlyWithPlaylistException() {
        List<String> seeds = Fixtures.ALL.stream().map(Fixtures::text).toList();
        Random random = new Random(8216);
        for (int round = 0; round < 20_000; round++) {
            String text = seeds.get(random.nextInt(seeds.size()));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random);
            }
            check(text);
        }

        assertThat(failures).isEmpty();
        assertThat(parsed).isGreaterThan(1_000);
        assertThat(reasons).hasSizeGreaterThan(12);
    }

    @Test
    void randomBytesFailOnlyWithPlaylistException() {
        Random random = new Random(3986);
        for (int round = 0; round < 3_000; round++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            check(utf8);
            check(latin1);
            check("#EXTM3U\n" + utf8);
            check("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\n" + latin1);
        }

        assertThat(failures).isEmpty();
        assertThat(reasons).contains(PlaylistException.Reason.NOT_M3U8, PlaylistException.Reason.BAD_URI);
    }

    private void check(String text) {
        try {
            Playlist playlist = PlaylistParser.parse(BASE, text);
            parsed++;
            String out = switch (playlist) {
                case MasterPlaylist m -> PlaylistRewriter.rewriteMaster(m, new PlaylistRewriter.MasterUriMapper() {
                    @Override
                    public String variantUri(Variant v) {
                        return v.uri().toString();
                    }

                    @Override
                    public String renditionUri(Rendition r) {
                        return r.uri().toString();
                    }
                });
                case MediaPlaylist m -> PlaylistRewriter.rewriteMedia(m, s -> s.uri().toString());
            };
            if (!out.endsWith("\n") || out.lines().count() != playlist.lines().size()) {
                fail("rewrite changed the line count of: " + text);
            }
        } catch (PlaylistException e) {
            reasons.add(e.reason());
            long lines = text.lines().count();
            if (e.lineNumber() < 0 || e.lineNumber() > lines || e.getMessage().isBlank()) {
                fail("bad exception " + e.getMessage() + " for: " + text);
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail(e + " for: " + text);
        }
    }

    private void fail(String failure) {
        if (failures.size() < 10) {
            failures.add(failure.length() > 2_000 ? failure.substring(0, 2_000) + "..." : failure);
        }
    }

    private static String mutate(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        switch (random.nextInt(7)) {
            case 0 -> { // insert a token
                return text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
            }
            case 1 -> { // delete a few characters
                int end = Math.min(text.length(), at + 1 + random.nextInt(8));
                return at >= end ? text : text.substring(0, at) + text.substring(end);
            }
            case 2 -> { // replace one character with a random one
                if (at >= text.length()) {
                    return text;
                }
                char c = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
                return text.substring(0, at) + c + text.substring(at + 1);
            }
            case 3 -> { // duplicate a line
                List<String> lines = new ArrayList<>(text.lines().toList());
                if (lines.isEmpty()) {
                    return text;
                }
                int i = random.nextInt(lines.size());
                lines.add(random.nextInt(lines.size() + 1), lines.get(i));
                return String.join("\n", lines);
            }
            case 4 -> { // swap two lines
                List<String> lines = new ArrayList<>(text.lines().toList());
                if (lines.size() < 2) {
                    return text;
                }
                java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
                return String.join("\n", lines);
            }
            case 5 -> { // delete a line
                List<String> lines = new ArrayList<>(text.lines().toList());
                if (lines.size() < 2) {
                    return text;
                }
                lines.remove(1 + random.nextInt(lines.size() - 1));
                return String.join("\n", lines) + "\n";
            }
            default -> { // truncate
                return text.substring(0, at);
            }
        }
    }
}
