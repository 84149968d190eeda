package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Re-emits a parsed playlist with its URIs rewritten: the URIs the caller maps (variants, renditions, I-frame
 * variants, segments) are replaced by the mapper's strings; every other URI attribute (keys, init sections, session
 * data, content steering, LL-HLS parts and hints) is made absolute to the origin, so the player fetches those
 * directly and the engine never sees a key.
 *
 * <p>Every other line is emitted unchanged, and inside a rewritten tag only the URI value changes: other
 * attributes, their order and their quoting stay as they were. Output lines end with "\n", the last one too, and a
 * byte order mark is not re-emitted.
 *
 * <p>Stateless and thread-safe. The mapper is called synchronously on the calling thread, in playlist order, once per
 * element.
 */
public final class PlaylistRewriter {

    /** Chooses the URIs written into a rewritten master playlist. Results are inserted verbatim. */
    public interface MasterUriMapper {
        /** The URI to write instead of the variant's URI line. */
        String variantUri(Variant variant);

        /** The URI to write as the {@code URI} of a rendition that has one. */
        String renditionUri(Rendition rendition);

        /** The URI to write as the {@code URI} of an I-frame variant; by default its absolute origin URI. */
        default String iFrameUri(IFrameVariant variant) {
            return variant.uri().toString();
        }
    }

    /** Chooses the URI written into a rewritten media playlist for each segment. Results are inserted verbatim. */
    @FunctionalInterface
    public interface MediaUriMapper {
        /** The URI to write instead of the segment's URI line. */
        String segmentUri(MediaSegment segment);
    }

    private PlaylistRewriter() {
    }

    /**
     * Rewrites a master playlist.
     *
     * @throws IllegalArgumentException if the mapper returns null or a string that cannot be written in place (a line
     *                                  break, a '"', or a ',' or space in an unquoted attribute), or if the
     *                                  playlist's lines do not parse (only possible for a hand-built record)
     */
    public static String rewriteMaster(MasterPlaylist playlist, MasterUriMapper mapper) {
        Map<Integer, Variant> variants = byLine(playlist.variants(), Variant::uriLineIndex);
        Map<Integer, Rendition> renditions = byLine(playlist.renditions(), Rendition::lineIndex);
        Map<Integer, IFrameVariant> iFrames = byLine(playlist.iFrameVariants(), IFrameVariant::lineIndex);
        List<String> lines = playlist.lines();
        StringBuilder out = new StringBuilder(estimate(lines));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Variant variant = variants.get(i);
            if (variant != null) {
                line = checkedUriLine(mapper.variantUri(variant), "variantUri");
            } else if (PlaylistLines.isTag(line)) {
                TagLine tag = TagLine.of(line, i);
                Rendition rendition = renditions.get(i);
                IFrameVariant iFrame = iFrames.get(i);
                if (tag.name().equals(HlsTags.MEDIA) && rendition != null && rendition.uri() != null) {
                    line = replaceAttribute(tag, "URI", raw -> mapper.renditionUri(rendition), "renditionUri");
                } else if (tag.name().equals(HlsTags.I_FRAME_STREAM_INF) && iFrame != null) {
                    line = replaceAttribute(tag, "URI", raw -> mapper.iFrameUri(iFrame), "iFrameUri");
                } else if (tag.name().equals(HlsTags.MEDIA) || tag.name().equals(HlsTags.I_FRAME_STREAM_INF)) {
                    line = replaceAttribute(tag, "URI", raw -> absolute(playlist.uri(), raw), "absolute URI");
                } else if (HlsTags.MASTER_ABSOLUTE_URIS.containsKey(tag.name())) {
                    line = replaceAttribute(tag, HlsTags.MASTER_ABSOLUTE_URIS.get(tag.name()),
                            raw -> absolute(playlist.uri(), raw), "absolute URI");
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * Rewrites a media playlist. The mapper is asked only for segments, never for keys or init sections.
     *
     * @throws IllegalArgumentException as for {@link #rewriteMaster}
     */
    public static String rewriteMedia(MediaPlaylist playlist, MediaUriMapper mapper) {
        Map<Integer, MediaSegment> segments = byLine(playlist.segments(), MediaSegment::uriLineIndex);
        List<String> lines = playlist.lines();
        StringBuilder out = new StringBuilder(estimate(lines));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            MediaSegment segment = segments.get(i);
            if (segment != null) {
                line = checkedUriLine(mapper.segmentUri(segment), "segmentUri");
            } else if (PlaylistLines.isTag(line)) {
                TagLine tag = TagLine.of(line, i);
                String attribute = HlsTags.MEDIA_ABSOLUTE_URIS.get(tag.name());
                if (attribute != null) {
                    line = replaceAttribute(tag, attribute, raw -> absolute(playlist.uri(), raw), "absolute URI");
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static <T> Map<Integer, T> byLine(List<T> elements, Function<T, Integer> lineIndex) {
        Map<Integer, T> map = new HashMap<>();
        for (T element : elements) {
            map.put(lineIndex.apply(element), element);
        }
        return map;
    }

    private static int estimate(List<String> lines) {
        long chars = 0;
        for (String line : lines) {
            chars += line.length() + 1L;
        }
        return (int) Math.min(chars + chars / 4, Integer.MAX_VALUE - 16);
    }

    /** The line with the value of {@code attribute} replaced by {@code replacement(oldValue)}; unchanged if absent. */
    private static String replaceAttribute(TagLine tag, String attribute, Function<String, String> replacement,
                                           String source) {
        AttributeList attributes;
        try {
            attributes = AttributeListParser.parse(tag);
        } catch (PlaylistException e) {
            throw new IllegalArgumentException("playlist line does not parse: " + e.getMessage(), e);
        }
        AttributeList.Attribute a = attributes.attribute(attribute);
        if (a == null) {
            return tag.line();
        }
        String value = replacement.apply(a.value());
        checkAttributeValue(value, a.quoted(), source);
        String line = tag.line();
        return line.substring(0, a.valueStart()) + value + line.substring(a.valueEnd());
    }

    private static String absolute(URI base, String reference) {
        try {
            return UriResolver.resolve(base, reference).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URI '" + HlsValues.shown(reference) + "' does not resolve", e);
        }
    }

    private static String checkedUriLine(String value, String source) {
        if (value == null) {
            throw new IllegalArgumentException(source + " returned null");
        }
        if (value.isBlank() || value.startsWith("#") || hasLineBreak(value)) {
            throw new IllegalArgumentException(source + " returned '" + HlsValues.shown(value)
                    + "', which cannot be a URI line");
        }
        return value;
    }

    private static void checkAttributeValue(String value, boolean quoted, String source) {
        if (value == null) {
            throw new IllegalArgumentException(source + " returned null");
        }
        boolean bad = value.isEmpty() || hasLineBreak(value) || value.indexOf('"') >= 0
                || (!quoted && (value.indexOf(',') >= 0 || value.indexOf(' ') >= 0 || value.indexOf('\t') >= 0));
        if (bad) {
            throw new IllegalArgumentException(source + " returned '" + HlsValues.shown(value)
                    + "', which cannot be written as " + (quoted ? "a quoted" : "an unquoted") + " attribute value");
        }
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }
}
