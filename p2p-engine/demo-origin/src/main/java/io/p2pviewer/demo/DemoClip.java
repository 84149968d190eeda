package io.p2pviewer.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo clip bundled with the engine: its variants and clear segments, read from the class path
 * ({@code io/p2pviewer/demo/media/clip.json} and the {@code <variant>/seg-NNN.ts} files next
 * to it, made by {@code scripts/make-demo-media.sh}).
 *
 * <p>Immutable and thread-safe. {@link #bundled()} loads the clip once per class loader.
 */
final class DemoClip {

    private static final String MANIFEST = "media/clip.json";

    private final List<ClipVariant> variants;
    private final int segmentCount;

    DemoClip(List<ClipVariant> variants) {
        this.variants = List.copyOf(variants);
        if (this.variants.isEmpty()) {
            throw new IllegalArgumentException("a clip needs at least one variant");
        }
        this.segmentCount = this.variants.get(0).segments().size();
        for (ClipVariant variant : this.variants) {
            if (variant.segments().size() != segmentCount) {
                throw new IllegalArgumentException("variant " + variant.name() + " has "
                        + variant.segments().size() + " segments, expected " + segmentCount);
            }
        }
    }

    /** The clip bundled on the class path, loaded on first use. */
    static DemoClip bundled() {
        return Bundled.CLIP;
    }

    /** The variants in ascending bandwidth order. */
    List<ClipVariant> variants() {
        return variants;
    }

    /** The variant with the given name, if there is one. */
    Optional<ClipVariant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** How many segments one pass of the clip has (the same in every variant). */
    int segmentCount() {
        return segmentCount;
    }

    private static final class Bundled {
        static final DemoClip CLIP = loadFromClassPath();
    }

    private static DemoClip loadFromClassPath() {
        try {
            JsonNode manifest = new ObjectMapper().readTree(readResource(MANIFEST));
            List<ClipVariant> variants = new ArrayList<>();
            for (JsonNode node : required(manifest, "variants")) {
                variants.add(readVariant(node));
            }
            variants.sort((a, b) -> Long.compare(a.bandwidth(), b.bandwidth()));
            return new DemoClip(variants);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled demo clip", e);
        }
    }

    private static ClipVariant readVariant(JsonNode node) throws IOException {
        String name = required(node, "name").asText();
        List<ClipSegment> segments = new ArrayList<>();
        for (JsonNode segment : required(node, "segments")) {
            String file = required(segment, "file").asText();
            byte[] bytes = readResource("media/" + name + "/" + file);
            long declared = required(segment, "bytes").asLong();
            if (bytes.length != declared) {
                throw new IllegalStateException("demo media " + name + "/" + file + " has " + bytes.length
                        + " bytes but clip.json declares " + declared + " (damaged or an LFS pointer?)");
            }
            long durationMillis = new BigDecimal(required(segment, "duration").asText())
                    .movePointRight(3).longValueExact();
            segments.add(new ClipSegment(file, durationMillis, bytes));
        }
        int declaredCount = required(node, "segmentCount").asInt();
        if (declaredCount != segments.size()) {
            throw new IllegalStateException("demo variant " + name + " lists " + segments.size()
                    + " segments but declares segmentCount " + declaredCount);
        }
        return new ClipVariant(
                name,
                required(node, "width").asInt(),
                required(node, "height").asInt(),
                required(node, "frameRate").asInt(),
                required(node, "bandwidth").asLong(),
                required(node, "averageBandwidth").asLong(),
                required(node, "codecs").asText(),
                segments);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("demo clip.json lacks '" + field + "'");
        }
        return value;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = DemoClip.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing class path resource io/p2pviewer/demo/" + name);
            }
            return in.readAllBytes();
        }
    }
}
