package io.p2pviewer.app.channels;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * Generated channel lists and guides for the tests and benchmarks: {@code channels} channels in {@code groups}
 * groups, channel {@code i} with {@code tvg-id="ch<i>.example"}; a guide with programmes of 18 minutes
 * (80 a day) for the first {@code guideChannels} channels, times in four different offsets.
 */
public final class ChannelFixtures {
    public static final int PROGRAMME_SECONDS = 18 * 60;
    private static final DateTimeFormatter XMLTV = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z");
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHoursMinutes(5, 30)};

    private ChannelFixtures() {
    }

    public static String playlist(int channels, int groups, String guideUrl) {
        StringBuilder sb = new StringBuilder(channels * 160);
        writePlaylist(sb, channels, groups, guideUrl);
        return sb.toString();
    }

    public static void writePlaylist(Path file, int channels, int groups, String guideUrl) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writePlaylist(w, channels, groups, guideUrl);
        }
    }

    private static void writePlaylist(Appendable w, int channels, int groups, String guideUrl) {
        try {
            w.append("#EXTM3U").append(guideUrl == null ? "" : " x-tvg-url=\"" + guideUrl + "\"").append('\n');
            for (int i = 0; i < channels; i++) {
                w.append("#EXTINF:-1 tvg-id=\"ch").append(String.valueOf(i)).append(".example\" tvg-logo=\"http://logos.example/")
                        .append(String.valueOf(i)).append(".png\" group-title=\"Group ").append(String.valueOf(i % groups))
                        .append("\",Channel ").append(String.valueOf(i)).append('\n');
                if (i % 10 == 0) {
                    w.append("#EXTVLCOPT:http-user-agent=Fixture/1.0\n");
                }
                w.append("http://cdn.example/live/").append(String.valueOf(i)).append("/index.m3u8\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #writeGuide(OutputStream, int, int, Instant, boolean)} into a file. */
    public static long writeGuide(Path file, int guideChannels, int days, Instant from, boolean gzip)
            throws IOException {
        return writeGuide(file, guideChannels, days, from, gzip, PROGRAMME_SECONDS);
    }

    /** The same with programmes of {@code programmeSeconds} each. */
    public static long writeGuide(Path file, int guideChannels, int days, Instant from, boolean gzip,
                                  int programmeSeconds) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeGuide(out, guideChannels, days, from, gzip, programmeSeconds);
        }
    }

    /** A guide from {@code from} for {@code days} days; gzip when {@code gzip}. Returns the programme count. */
    public static long writeGuide(OutputStream out, int guideChannels, int days, Instant from, boolean gzip)
            throws IOException {
        return writeGuide(out, guideChannels, days, from, gzip, PROGRAMME_SECONDS);
    }

    private static long writeGuide(OutputStream out, int guideChannels, int days, Instant from, boolean gzip,
                                   int programmeSeconds) throws IOException {
        OutputStream o = gzip ? new GZIPOutputStream(out, 64 * 1024) : out;
        long count = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 256 * 1024)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n"
                    + "<tv generator-info-name=\"fixture\">\n");
            for (int c = 0; c < guideChannels; c++) {
                w.write("  <channel id=\"ch" + c + ".example\"><display-name>Channel " + c
                        + "</display-name><icon src=\"http://logos.example/" + c + ".png\"/></channel>\n");
            }
            long perChannel = days * 86_400L / programmeSeconds;
            for (int c = 0; c < guideChannels; c++) {
                ZoneOffset z = OFFSETS[c % OFFSETS.length];
                for (long p = 0; p < perChannel; p++) {
                    Instant start = from.plusSeconds(p * programmeSeconds);
                    w.write("  <programme start=\"" + XMLTV.format(start.atOffset(z)) + "\" stop=\""
                            + XMLTV.format(start.plusSeconds(programmeSeconds).atOffset(z)) + "\" channel=\"ch" + c
                            + ".example\">\n    <title lang=\"en\">Show " + (p % 500) + " &amp; Co</title>\n"
                            + "    <desc lang=\"en\">Episode " + p + " of a show on channel " + c + ".</desc>\n"
                            + "    <category>News</category>\n  </programme>\n");
                    count++;
                }
            }
            w.write("</tv>\n");
        }
        return count;
    }

    /** The title the generated guide gives channel c's programme running at {@code at}, or null. */
    public static String titleAt(Instant from, Instant at) {
        long p = (at.getEpochSecond() - from.getEpochSecond()) / PROGRAMME_SECONDS;
        return at.isBefore(from) ? null : "Show " + (p % 500) + " & Co";
    }
}
