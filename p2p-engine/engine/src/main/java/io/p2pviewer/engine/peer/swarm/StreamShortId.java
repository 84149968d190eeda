package io.p2pviewer.engine.peer.swarm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The stream index of p2p-media-loader 2.3 ({@code generateStreamShortId} in {@code core/src/utils/stream.ts}):
 * Base64 of the SHA-1 of {@code bitrate-codecs-width-height-language-channels-name-frameRate-videoRange}, each part
 * normalised as upstream does, absent parts rendered as empty strings (the bitrate as 0).
 */
final class StreamShortId {

    /**
     * What upstream hashes, as its caller hands it over; null means JavaScript's {@code undefined}.
     *
     * @param bitrate    a JavaScript number (NaN and infinity happen: see {@link SwarmIds#variantIndex})
     * @param codecs     comma-separated codecs
     * @param width      pixels
     * @param height     pixels
     * @param language   a language tag; {@code und} counts as absent
     * @param channels   the {@code CHANNELS} attribute
     * @param name       the rendition name
     * @param frameRate  frames per second
     * @param videoRange {@code VIDEO-RANGE}
     */
    record Properties(Double bitrate, String codecs, Integer width, Integer height, String language, String channels,
                      String name, Double frameRate, String videoRange) {
    }

    private StreamShortId() {
    }

    /** The index: Base64 (with padding) of SHA-1 of {@link #canonical}: 28 characters. */
    static String of(Properties p) {
        return Base64.getEncoder().encodeToString(sha1(JsValues.utf8(canonical(p))));
    }

    /** The string upstream hashes. */
    static String canonical(Properties p) {
        return JsValues.numberToString(p.bitrate() == null ? 0 : p.bitrate())
                + "-" + codecs(p.codecs())
                + "-" + (p.width() == null ? "" : p.width().toString())
                + "-" + (p.height() == null ? "" : p.height().toString())
                + "-" + language(p.language())
                + "-" + (isEmpty(p.channels()) ? "" : before(p.channels(), '/'))
                + "-" + (isEmpty(p.name()) ? "" : JsValues.trim(p.name().toLowerCase(Locale.ROOT)))
                + "-" + (p.frameRate() == null ? "" : frameRate(p.frameRate()))
                + "-" + (isEmpty(p.videoRange()) ? "" : JsValues.trim(p.videoRange().toUpperCase(Locale.ROOT)));
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** Trimmed, lower-cased, decimal avc1 profiles made hex, sorted, joined with commas. */
    private static String codecs(String codecs) {
        if (isEmpty(codecs)) {
            return "";
        }
        List<String> normalised = new ArrayList<>();
        for (String codec : codecs.split(",", -1)) {
            normalised.add(decimalAvcToHex(JsValues.trim(codec).toLowerCase(Locale.ROOT)));
        }
        Collections.sort(normalised); // UTF-16 code unit order, as JavaScript's default sort
        return String.join(",", normalised);
    }

    /** {@code avc1.66.30} (or {@code avc.66.30}) as {@code avc1.42001e}, when both numbers are canonical decimals. */
    private static String decimalAvcToHex(String codec) {
        String[] parts = codec.split("\\.", -1);
        if (parts.length != 3 || !(parts[0].equals("avc1") || parts[0].equals("avc"))) {
            return codec;
        }
        double profile = JsValues.parseInt(parts[1], 10);
        double level = JsValues.parseInt(parts[2], 10);
        if (Double.isNaN(profile) || Double.isNaN(level)
                || !JsValues.numberToString(profile).equals(parts[1])
                || !JsValues.numberToString(level).equals(parts[2])) {
            return codec;
        }
        return parts[0] + "." + padTwo(JsValues.integerToString(profile, 16)) + "00"
                + padTwo(JsValues.integerToString(level, 16));
    }

    private static String language(String language) {
        if (isEmpty(language) || language.equals("und")) {
            return "";
        }
        return language.substring(0, Math.min(2, language.length())).toLowerCase(Locale.ROOT);
    }

    /** Upstream checks the attribute text is a number; ours was parsed as one already. */
    private static String frameRate(double frameRate) {
        return JsValues.numberToString(frameRate);
    }

    private static String padTwo(String s) {
        return s.length() >= 2 ? s : "0".repeat(2 - s.length()) + s;
    }

    private static String before(String text, char c) {
        int at = text.indexOf(c);
        return at < 0 ? text : text.substring(0, at);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
