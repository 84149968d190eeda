package io.p2pviewer.engine.peer.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How hls.js 1.6 reads a variant's {@code CODECS} attribute before p2p-media-loader-hlsjs derives a stream id from it:
 * the codecs sorted into video, audio and text by their four-character sample entry code (case-sensitive), and the
 * RFC 4281 to RFC 6381 conversion hls.js applies to the video codecs ({@code avc1.66.30} becomes
 * {@code avc1.42001e}).
 *
 * <p>Not reproduced: hls.js also promotes codecs it does not know to audio or video when the browser's MediaSource
 * says it can play them. That depends on the browser, so codecs outside the tables here count as unknown.
 */
final class HlsJsCodecs {

    /**
     * One {@code CODECS} attribute as hls.js sorts it.
     *
     * @param videoCodec the video codecs joined with commas, or null if there are none
     * @param audioCodec the audio codecs joined with commas, or null if there are none
     * @param unknown    the codecs of no known type
     */
    record Parsed(String videoCodec, String audioCodec, List<String> unknown) {
        Parsed {
            unknown = List.copyOf(unknown);
        }
    }

    // Sample entry codes hls.js 1.6.16 knows (src/utils/codecs.ts), by type.
    private static final Set<String> VIDEO = Set.of("avc1", "avc2", "avc3", "avc4", "avcp", "av01", "dav1",
            "drac", "dva1", "dvav", "dvh1", "dvhe", "encv", "hev1", "hvc1", "mjp2", "mp4v", "mvc1", "mvc2", "mvc3",
            "mvc4", "resv", "rv60", "s263", "svc1", "svc2", "vc-1", "vp08", "vp09");
    private static final Set<String> AUDIO = Set.of("a3ds", "ac-3", "ac-4", "alac", "alaw", "dra1", "dts+",
            "dts-", "dtsc", "dtse", "dtsh", "ec-3", "enca", "fLaC", "flac", "FLAC", "g719", "g726", "m4ae", "mha1",
            "mha2", "mhm1", "mhm2", "mlpa", "mp4a", "raw ", "Opus", "opus", "samr", "sawb", "sawp", "sevc", "sqcp",
            "ssmv", "twos", "ulaw");
    private static final Set<String> TEXT = Set.of("stpp", "wvtt");

    private HlsJsCodecs() {
    }

    /** Sorts the codecs of a {@code CODECS} attribute value (null when absent) as hls.js's playlist parser does. */
    static Parsed parse(String codecsAttribute) {
        List<String> remaining = new ArrayList<>();
        if (codecsAttribute != null) {
            for (String token : codecsAttribute.split("[ ,]+")) {
                if (!token.isEmpty()) {
                    remaining.add(token);
                }
            }
        }
        String video = take(remaining, VIDEO);
        String audio = take(remaining, AUDIO);
        take(remaining, TEXT);
        return new Parsed(video, audio, remaining);
    }

    /**
     * hls.js's {@code convertAVC1ToAVCOTI}: each comma-separated codec that splits on dots into three or more parts
     * and starts with {@code avc1} becomes {@code avc1.} + hex(parseInt(part 1)) + the last four characters of
     * {@code "000" + hex(parseInt(part 2))}.
     */
    static String convertAvc1ToAvcoti(String videoCodecs) {
        String[] codecs = videoCodecs.split(",", -1);
        for (int k = 0; k < codecs.length; k++) {
            String[] parts = codecs[k].split("\\.", -1);
            if (parts.length > 2 && parts[0].equals("avc1")) {
                String profile = JsValues.integerToString(JsValues.parseInt(parts[1], 0), 16);
                String level = "000" + JsValues.integerToString(JsValues.parseInt(parts[2], 0), 16);
                codecs[k] = "avc1." + profile + level.substring(level.length() - 4);
            }
        }
        return String.join(",", codecs);
    }

    /** Removes the codecs of one type from {@code remaining} and returns them joined, or null if there are none. */
    private static String take(List<String> remaining, Set<String> type) {
        List<String> taken = new ArrayList<>();
        for (String codec : remaining) {
            if (type.contains(codec.length() > 4 ? codec.substring(0, 4) : codec)) {
                taken.add(codec);
            }
        }
        if (taken.isEmpty()) {
            return null;
        }
        remaining.removeIf(taken::contains);
        List<String> names = new ArrayList<>(taken.size());
        for (String codec : taken) {
            int slash = codec.indexOf('/');
            names.add(slash < 0 ? codec : codec.substring(0, slash));
        }
        return String.join(",", names);
    }
}
