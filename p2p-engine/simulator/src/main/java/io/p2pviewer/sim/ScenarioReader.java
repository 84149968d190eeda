package io.p2pviewer.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p2pviewer.engine.peer.swarm.RelayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a {@link Scenario} from JSON (the format is in docs/SIMULATOR.md). Every field but {@code viewers} has a
 * default; unknown fields, wrong types and out-of-range values are refused with a {@link ScenarioException} naming
 * the field, so a typo never silently runs the default. Stateless and thread-safe.
 */
public final class ScenarioReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioReader() {
    }

    /** Reads a scenario file; the scenario's default name is the file name without {@code .json}. */
    public static Scenario read(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("no scenario file " + file);
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        return parse(text, name);
    }

    /** Parses scenario JSON text. */
    public static Scenario parse(String text, String defaultName) throws ScenarioException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("a scenario is a JSON object");
        }
        try {
            return scenario(new Obj(root, ""), defaultName);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(e.getMessage(), e);
        }
    }

    private static Scenario scenario(Obj o, String defaultName) throws ScenarioException {
        o.only("name", "seed", "durationSeconds", "viewers", "arrival", "churn", "uplinkMbps", "downlinkMbps",
                "latencyMs", "natShare", "stream", "cdn", "tracker", "player", "p2p", "payloadScale", "sampleSeconds",
                "partitions", "relay", "wire");
        int viewers = (int) o.number("viewers", null, 1, 1_000_000);
        Obj arrival = o.object("arrival");
        arrival.only("rampSeconds");
        Obj churn = o.object("churn");
        churn.only("leavePerMinute");
        Obj stream = o.object("stream");
        stream.only("type", "segmentSeconds", "windowSegments", "vodSegments", "variants");
        String type = stream.text("type", "live");
        if (!type.equals("live") && !type.equals("vod")) {
            throw new ScenarioException("stream.type must be \"live\" or \"vod\", got \"" + type + "\"");
        }
        List<Scenario.Variant> variants = new ArrayList<>();
        for (Obj v : stream.objects("variants")) {
            v.only("bitrateMbps", "weight");
            variants.add(new Scenario.Variant(v.number("bitrateMbps", null, 0.01, 1000),
                    v.number("weight", 1.0, 0, 1e9)));
        }
        if (variants.isEmpty()) {
            variants.add(new Scenario.Variant(2.5, 1));
        }
        Obj cdn = o.object("cdn");
        cdn.only("capacityMbps", "latencyMs");
        Obj tracker = o.object("tracker");
        tracker.only("peersPerAnnounce", "announceIntervalSeconds", "connectDelayMs");
        Distribution connect = tracker.distribution("connectDelayMs", new Distribution.Uniform(500, 1500), 0, 600_000);
        if (connect instanceof Distribution.Mix) {
            throw new ScenarioException("tracker.connectDelayMs must be a number or {\"min\": ..., \"max\": ...}");
        }
        double connectMin = connect instanceof Distribution.Uniform u ? u.min() : connect.mean();
        double connectMax = connect instanceof Distribution.Uniform u ? u.max() : connect.mean();
        Obj player = o.object("player");
        player.only("liveDelaySegments", "bufferSeconds");
        Obj relay = o.object("relay");
        relay.only("enabled", "withinMs", "sources");
        Obj wire = o.object("wire");
        wire.only("overhead", "uplinkQueueMs");
        return new Scenario(
                o.text("name", defaultName),
                (long) o.number("seed", 1.0, Long.MIN_VALUE, Long.MAX_VALUE),
                seconds(o.number("durationSeconds", 600.0, 1, 86_400)),
                viewers,
                seconds(arrival.number("rampSeconds", 60.0, 0, 86_400)),
                churn.number("leavePerMinute", 0.0, 0, 1),
                o.distribution("uplinkMbps", new Distribution.Constant(5), 0.01, 100_000),
                o.distribution("downlinkMbps", new Distribution.Constant(50), 0.01, 100_000),
                o.distribution("latencyMs", new Distribution.Uniform(10, 50), 0, 10_000),
                o.number("natShare", 0.0, 0, 1),
                new Scenario.Stream(type.equals("live"), stream.number("segmentSeconds", 2.0, 0.1, 60),
                        (int) stream.number("windowSegments", 8.0, 1, 1000),
                        (int) stream.number("vodSegments", 300.0, 1, 100_000), variants),
                new Scenario.Cdn(cdn.number("capacityMbps", 100_000.0, 0.01, 1e9),
                        cdn.number("latencyMs", 20.0, 0, 10_000)),
                new Scenario.Tracker((int) tracker.number("peersPerAnnounce", 5.0, 1, 1000),
                        seconds(tracker.number("announceIntervalSeconds", 120.0, 1, 86_400)),
                        millis(connectMin), millis(connectMax)),
                new Scenario.Player((int) player.number("liveDelaySegments", 7.0, 0, 1000),
                        player.number("bufferSeconds", 6.0, 0.1, 3600)),
                o.bool("p2p", true),
                (int) o.number("payloadScale", 1024.0, 1, 65_536),
                seconds(o.number("sampleSeconds", 10.0, 0.1, 86_400)),
                (int) o.number("partitions", 0.0, 0, Scenario.MAX_PARTITIONS),
                new RelayConfig(relay.bool("enabled", RelayConfig.DEFAULTS.enabled()), millis(relay.number("withinMs",
                        (double) RelayConfig.DEFAULTS.within().toMillis(), 0, 600_000)),
                        (int) relay.number("sources", (double) RelayConfig.DEFAULT_SOURCES, 1, 16)),
                new Scenario.Wire(wire.number("overhead", Scenario.Wire.DEFAULTS.overhead(), 1, 10),
                        millis(wire.number("uplinkQueueMs", (double) Scenario.Wire.DEFAULTS.uplinkQueue().toMillis(),
                                0, 60_000))));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static Duration millis(double ms) {
        return Duration.ofNanos((long) (ms * 1e6));
    }

    /** A JSON object at a path, with typed, range-checked field access. */
    private record Obj(JsonNode node, String path) {
        String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        void only(String... fields) throws ScenarioException {
            Set<String> allowed = Set.of(fields);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new ScenarioException("unknown field " + at(f) + " (known: " + String.join(", ", fields)
                            + ")");
                }
            }
        }

        Obj object(String field) throws ScenarioException {
            JsonNode n = node.get(field);
            if (n == null || n.isNull()) {
                return new Obj(JSON.createObjectNode(), at(field));
            }
            if (!n.isObject()) {
                throw new ScenarioException(at(field) + " must be an object");
            }
            return new Obj(n, at(field));
        }

        List<Obj> objects(String field) throws ScenarioException {
            JsonNode n = node.get(field);
            List<Obj> out = new ArrayList<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (!n.isArray()) {
                throw new ScenarioException(at(field) + " must be an array of objects");
            }
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isObject()) {
                    throw new ScenarioException(at(field) + "[" + i + "] must be an object");
                }
                out.add(new Obj(n.get(i), at(field) + "[" + i + "]"));
            }
            return out;
        }

        /** A number in [min, max]; {@code fallback} when absent (null: required). */
        double number(String field, Double fallback, double min, double max) throws ScenarioException {
            JsonNode n = node.get(field);
            if (n == null || n.isNull()) {
                if (fallback == null) {
                    throw new ScenarioException("missing required field " + at(field));
                }
                return fallback;
            }
            return checked(at(field), n, min, max);
        }

        String text(String field, String fallback) throws ScenarioException {
            return scalar(field, fallback, JsonNode::isTextual, "a string", JsonNode::asText);
        }

        boolean bool(String field, boolean fallback) throws ScenarioException {
            return scalar(field, fallback, JsonNode::isBoolean, "true or false", JsonNode::asBoolean);
        }

        private <T> T scalar(String field, T fallback, Predicate<JsonNode> ok, String must,
                             Function<JsonNode, T> read) throws ScenarioException {
            JsonNode n = node.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!ok.test(n)) {
                throw new ScenarioException(at(field) + " must be " + must);
            }
            return read.apply(n);
        }

        /** A number, {"min", "max"}, or [{"value", "weight"}...], every value in [min, max]. */
        Distribution distribution(String field, Distribution fallback, double min, double max)
                throws ScenarioException {
            JsonNode n = node.get(field);
            String where = at(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (n.isNumber()) {
                return new Distribution.Constant(checked(where, n, min, max));
            }
            if (n.isObject()) {
                Obj range = new Obj(n, where);
                range.only("min", "max");
                double lo = range.number("min", null, min, max);
                double hi = range.number("max", null, min, max);
                if (hi < lo) {
                    throw new ScenarioException(where + ".max (" + fmt(hi) + ") is below " + where + ".min (" + fmt(lo)
                            + ")");
                }
                return new Distribution.Uniform(lo, hi);
            }
            if (n.isArray()) {
                List<Distribution.Weighted> choices = new ArrayList<>();
                for (Obj c : objects(field)) {
                    c.only("value", "weight");
                    choices.add(new Distribution.Weighted(c.number("value", null, min, max),
                            c.number("weight", 1.0, 0, 1e9)));
                }
                if (choices.isEmpty() || choices.stream().mapToDouble(Distribution.Weighted::weight).sum() <= 0) {
                    throw new ScenarioException(where + " needs at least one value with a positive weight");
                }
                return new Distribution.Mix(choices);
            }
            throw new ScenarioException(where + " must be a number, {\"min\": a, \"max\": b} or "
                    + "[{\"value\": v, \"weight\": w}, ...]");
        }

        private static double checked(String where, JsonNode n, double min, double max) throws ScenarioException {
            if (!n.isNumber()) {
                throw new ScenarioException(where + " must be a number, got " + n);
            }
            double v = n.asDouble();
            if (!(v >= min && v <= max)) {
                throw new ScenarioException(where + " must be in " + fmt(min) + ".." + fmt(max) + ", got " + fmt(v));
            }
            return v;
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
