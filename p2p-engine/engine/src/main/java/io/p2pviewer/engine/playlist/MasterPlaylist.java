package io.p2pviewer.engine.playlist;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A master (multivariant) playlist: the variants and alternate renditions of a stream, plus its original lines for
 * faithful rewriting.
 *
 * @param uri                the absolute URI the playlist was fetched from
 * @param variants           the {@code EXT-X-STREAM-INF} variants in playlist order; never empty once parsed
 * @param renditions         the {@code EXT-X-MEDIA} renditions in playlist order
 * @param iFrameVariants     the {@code EXT-X-I-FRAME-STREAM-INF} variants in playlist order
 * @param independentSegments whether {@code EXT-X-INDEPENDENT-SEGMENTS} is present
 * @param version            {@code EXT-X-VERSION}, 1 when absent
 * @param lines              the original lines (see {@link Playlist#lines()})
 */
public record MasterPlaylist(URI uri, List<Variant> variants, List<Rendition> renditions,
                             List<IFrameVariant> iFrameVariants, boolean independentSegments, int version,
                             List<String> lines) implements Playlist {
    public MasterPlaylist {
        Objects.requireNonNull(uri, "uri");
        variants = List.copyOf(variants);
        renditions = List.copyOf(renditions);
        iFrameVariants = List.copyOf(iFrameVariants);
        lines = List.copyOf(lines);
    }
}
