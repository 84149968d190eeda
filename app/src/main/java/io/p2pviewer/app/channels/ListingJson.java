package io.p2pviewer.app.channels;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.p2pviewer.app.channels.guide.Programme;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes a {@link ChannelListing} as {@code {"channels": [...], "warnings": [...]}}, streaming (Jackson's
 * generator), so 50,000 channels need no tree in memory. Each channel: name, url, group, logo, tvgId, tvgName,
 * number, headers, catchup, now, next ({@code {"title", "start", "stop"}} in ISO-8601 UTC, or null).
 */
public final class ListingJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ListingJson() {
    }

    /** Writes the listing to {@code out} (flushed, not closed). */
    public static void write(ChannelListing listing, OutputStream out, boolean pretty) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            g.writeArrayFieldStart("channels");
            for (ListedChannel lc : listing.channels()) {
                channel(g, lc);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : listing.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
    }

    private static void channel(JsonGenerator g, ListedChannel lc) throws IOException {
        Channel c = lc.channel();
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("url", c.url());
        g.writeStringField("group", c.group());
        g.writeStringField("logo", c.logo());
        g.writeStringField("tvgId", c.tvgId());
        g.writeStringField("tvgName", c.tvgName());
        g.writeStringField("number", c.number());
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> h : c.headers().entrySet()) {
            g.writeStringField(h.getKey(), h.getValue());
        }
        g.writeEndObject();
        if (c.catchup() == null) {
            g.writeNullField("catchup");
        } else {
            g.writeObjectFieldStart("catchup");
            g.writeStringField("type", c.catchup().type());
            g.writeStringField("days", c.catchup().days());
            g.writeStringField("source", c.catchup().source());
            g.writeStringField("shift", c.catchup().shift());
            g.writeEndObject();
        }
        programme(g, "now", lc.now());
        programme(g, "next", lc.next());
        g.writeEndObject();
    }

    private static void programme(JsonGenerator g, String field, Programme p) throws IOException {
        if (p == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("title", p.title());
        g.writeStringField("start", p.start().toString());
        g.writeStringField("stop", p.stop().toString());
        g.writeEndObject();
    }
}
