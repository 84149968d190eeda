package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.Channel;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.XmltvReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small guides and channels for the guide's view-model tests. */
final class GuideTestData {
    private GuideTestData() {
    }

    static Channel channel(String name, String tvgId, String number) {
        return new Channel(name, "http://cdn.example/" + name.replace(' ', '_') + "/index.m3u8", "News", null,
                tvgId, null, number, -1, null, Map.of(), 1);
    }

    static Guide guide(String programmes) {
        try {
            return XmltvReader.read(new ByteArrayInputStream(("<?xml version=\"1.0\"?>\n<tv>\n" + programmes
                    + "</tv>\n").getBytes(StandardCharsets.UTF_8)));
        } catch (ReadException e) {
            throw new IllegalStateException(e);
        }
    }

    static String programme(String channel, String start, String stop, String title) {
        return "<programme start=\"" + start + "\" stop=\"" + stop + "\" channel=\"" + channel + "\"><title>"
                + title + "</title></programme>\n";
    }
}
