package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.playlist.MediaPlaylist;
import io.p2pviewer.engine.playlist.MediaSegment;
import io.p2pviewer.engine.playlist.Rendition;
import io.p2pviewer.engine.playlist.RenditionType;
import io.p2pviewer.engine.playlist.Variant;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * The identities p2p-media-loader 2.3 gives swarms, peers and segments, so that our viewers join the same swarms as
 * browser viewers of the same stream and name segments as they do.
 *
 * <p>A stream swarm id is {@code v2-<base>-<main|secondary>-<index>}: the base is the configured swarm id or the master
 * playlist URL, the index a hash of the variant's or audio rendition's properties as hls.js reads them. The tracker
 * sees only {@link #infoHash}. Compatible with p2p-media-loader 2.3.x browser peers using hls.js 1.6; the 2.2.x scheme
 * (MD5 of the variant's position) is different and not supported, as 2.2 and 2.3 browsers do not share swarms either.
 * Pure functions; thread-safe.
 */
public final class SwarmIds {

    /** The peer id prefix of our engine (BitTorrent style: client {@code PV}, version 01.00). */
    public static final String PEER_ID_PREFIX = "-PV0100-";

    /** The length of every peer id and info hash. */
    public static final int ID_LENGTH = 20;

    private static final String PEER_ID_SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BROWSER_PEER_ID_PREFIX = "-PM";
    private static final String PROTOCOL_VERSION = "v2";

    private SwarmIds() {
    }

    /**
     * The base of every stream swarm id of a stream: {@code configuredSwarmId} when set (any non-null string, as
     * upstream), else the master playlist's final URL (after redirects) without its query string and fragment.
     *
     * <p>Browsers use the URL as their fetch API reports it, so for http and https the URL is normalised as a browser
     * would: scheme and host lower-cased, the default port dropped, an empty path written {@code /}, dot segments
     * removed. Percent-encoding is left as given.
     */
    public static String baseSwarmId(String configuredSwarmId, URI finalMasterUrl) {
        if (configuredSwarmId != null) {
            return configuredSwarmId;
        }
        Objects.requireNonNull(finalMasterUrl, "finalMasterUrl");
        URI url = finalMasterUrl.normalize();
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        boolean web = "http".equals(scheme) || "https".equals(scheme);
        if (!web || url.getHost() == null) {
            String text = url.toString();
            int hash = text.indexOf('#');
            text = hash < 0 ? text : text.substring(0, hash);
            int query = text.indexOf('?');
            return query < 0 ? text : text.substring(0, query);
        }
        int defaultPort = scheme.equals("http") ? 80 : 443;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return scheme + "://"
                + (url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@")
                + url.getHost().toLowerCase(Locale.ROOT)
                + (url.getPort() < 0 || url.getPort() == defaultPort ? "" : ":" + url.getPort())
                + path;
    }

    /** The stream swarm id: {@code "v2-" + base + "-" + type + "-" + index}. */
    public static String streamSwarmId(String base, StreamType type, String index) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(index, "index");
        return PROTOCOL_VERSION + "-" + base + "-" + type.wireName() + "-" + index;
    }

    /**
     * The 2.3 index of a variant (its {@link StreamType#MAIN} swarm), as p2p-media-loader-hlsjs derives it from what
     * hls.js 1.6 parses.
     *
     * <p>Hashed: the bitrate ({@code BANDWIDTH}, or {@code AVERAGE-BANDWIDTH} when {@code BANDWIDTH} is 0), the video
     * codecs only (RFC 4281 {@code avc1} profiles converted to hex, lower-cased, sorted), the resolution, the frame
     * rate as JavaScript prints it ({@code 25.000} becomes {@code 25}) and {@code VIDEO-RANGE}. When that bitrate is 0
     * nothing but the bitrate is hashed. hls.js quirks kept on purpose: {@code BANDWIDTH=0} without
     * {@code AVERAGE-BANDWIDTH} hashes the bitrate {@code NaN}, a bitrate above 2^53 - 1 hashes {@code Infinity}, and
     * codecs hls.js does not know (case matters: {@code AVC1...} is unknown) are left out. Note that hls.js drops a
     * variant with unknown codecs when other variants have only known ones; browsers never join that variant's swarm.
     */
    public static String variantIndex(Variant variant) {
        Objects.requireNonNull(variant, "variant");
        double bitrate = jsDecimalInteger(variant.bandwidth());
        if (bitrate == 0) {
            bitrate = variant.averageBandwidth() == null ? Double.NaN : jsDecimalInteger(variant.averageBandwidth());
        }
        if (bitrate == 0) {
            return StreamShortId.of(new StreamShortId.Properties(bitrate, null, null, null, null, null, null, null,
                    null));
        }
        String videoCodec = HlsJsCodecs.parse(variant.codecs()).videoCodec();
        String codecs = videoCodec == null ? null : HlsJsCodecs.convertAvc1ToAvcoti(videoCodec);
        Integer width = variant.resolution() == null ? null : variant.resolution().width();
        Integer height = variant.resolution() == null ? null : variant.resolution().height();
        return StreamShortId.of(new StreamShortId.Properties(bitrate, codecs, width, height, null, null, null,
                variant.frameRate(), variant.videoRange()));
    }

    /**
     * The 2.3 index of an audio rendition (its {@link StreamType#SECONDARY} swarm), as p2p-media-loader-hlsjs derives
     * it from what hls.js 1.6 parses: bitrate 0, the audio codecs of the first variant in the rendition's group (of
     * the first variant when none is in the group), {@code LANGUAGE}, {@code CHANNELS} and {@code NAME} ({@code
     * LANGUAGE} when the name is empty).
     *
     * @param audio    an {@code AUDIO} rendition
     * @param variants all variants of the master playlist, in playlist order (hls.js looks the codecs up there)
     * @throws IllegalArgumentException if the rendition is not of type {@code AUDIO}
     */
    public static String renditionIndex(Rendition audio, List<Variant> variants) {
        Objects.requireNonNull(audio, "audio");
        if (audio.type() != RenditionType.AUDIO) {
            throw new IllegalArgumentException("only AUDIO renditions have swarms, not " + audio.type());
        }
        List<Variant> levels = levelsHlsJsKeeps(variants);
        Variant group = null;
        for (Variant v : levels) {
            if (audio.groupId().equals(v.audioGroupId())) {
                group = v;
                break;
            }
        }
        if (group == null && !levels.isEmpty()) {
            group = levels.get(0);
        }
        String codecs = group == null ? null : HlsJsCodecs.parse(group.codecs()).audioCodec();
        String name = !audio.name().isEmpty() ? audio.name() : audio.language() == null ? "" : audio.language();
        return StreamShortId.of(new StreamShortId.Properties(0.0, codecs, null, null, audio.language(),
                audio.channels(), name, null, null));
    }

    /**
     * The tracker's {@code info_hash} of a stream swarm: Base64 of the first 15 bytes of SHA-1 of the UTF-8 stream
     * swarm id, 20 ASCII characters.
     */
    public static String infoHash(String streamSwarmId) {
        byte[] sha1 = StreamShortId.sha1(JsValues.utf8(Objects.requireNonNull(streamSwarmId, "streamSwarmId")));
        return Base64.getEncoder().encodeToString(Arrays.copyOf(sha1, 15));
    }

    /** A new peer id: {@link #PEER_ID_PREFIX} and 12 random letters and digits, 20 characters. */
    public static String newPeerId(Random random) {
        Objects.requireNonNull(random, "random");
        StringBuilder id = new StringBuilder(ID_LENGTH).append(PEER_ID_PREFIX);
        while (id.length() < ID_LENGTH) {
            id.append(PEER_ID_SYMBOLS.charAt(random.nextInt(PEER_ID_SYMBOLS.length())));
        }
        return id.toString();
    }

    /** Whether {@code peerId} is a p2p-media-loader browser peer's ({@code -PM} prefix, e.g. {@code -PM0203-}). */
    public static boolean isBrowserPeerId(String peerId) {
        return peerId != null && peerId.startsWith(BROWSER_PEER_ID_PREFIX);
    }

    /**
     * The id of a segment on the wire: its media sequence number while the playlist has no {@code EXT-X-ENDLIST},
     * its 0-based position in the playlist once it has. This is hls.js's notion of live (a playlist typed VOD without
     * {@code EXT-X-ENDLIST} counts as live), not {@link MediaPlaylist#live()}. The two agree whenever the media
     * sequence starts at 0.
     *
     * @throws IllegalArgumentException if {@code segment} is not the segment at its position in {@code playlist}
     */
    public static long segmentId(MediaPlaylist playlist, MediaSegment segment) {
        Objects.requireNonNull(playlist, "playlist");
        Objects.requireNonNull(segment, "segment");
        int position = segment.position();
        if (position < 0 || position >= playlist.segments().size() || !playlist.segments().get(position)
                .equals(segment)) {
            throw new IllegalArgumentException("segment " + segment.mediaSequence() + " at position " + position
                    + " is not in playlist " + playlist.uri());
        }
        return playlist.endList() ? position : segment.mediaSequence();
    }

    /** hls.js's {@code decimalInteger}: values above 2^53 - 1 become infinity. */
    private static double jsDecimalInteger(long value) {
        return value > (1L << 53) - 1 ? Double.POSITIVE_INFINITY : value;
    }

    /**
     * The variants hls.js keeps: those whose codecs are all known, if some but not all are; else all of them.
     */
    private static List<Variant> levelsHlsJsKeeps(List<Variant> variants) {
        List<Variant> known = new ArrayList<>();
        for (Variant v : Objects.requireNonNull(variants, "variants")) {
            if (HlsJsCodecs.parse(v.codecs()).unknown().isEmpty()) {
                known.add(v);
            }
        }
        return !known.isEmpty() && known.size() < variants.size() ? known : variants;
    }
}
