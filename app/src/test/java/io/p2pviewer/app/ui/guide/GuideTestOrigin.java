package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.ui.LoopbackFiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The guide ITs' world: the machine's zone set to {@code local} (restored on close) and a {@link LoopbackFiles}
 * server serving what a test puts (a channel list, a guide), with half-hour programmes from three hours ago written at
 * +01:00, titled "{id's first part} show {slot}".
 */
final class GuideTestOrigin implements AutoCloseable {
    static final Duration SLOT = Duration.ofMinutes(30);
    private static final DateTimeFormatter XMLTV = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z", Locale.ROOT);

    final Instant firstSlot = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    private final TimeZone zoneBefore = TimeZone.getDefault();
    private final LoopbackFiles server;

    GuideTestOrigin(ZoneId local) throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone(local));
        server = new LoopbackFiles();
    }

    /** {@code http://127.0.0.1:PORT}. */
    String base() {
        return server.base();
    }

    void serve(String path, byte[] body) {
        server.put(path, body);
    }

    /** An XMLTV guide: each {id, display name} with 12 half-hour programmes from {@link #firstSlot}. */
    String guide(String[]... channels) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tv>\n");
        for (String[] c : channels) {
            xml.append("<channel id=\"").append(c[0]).append("\"><display-name>").append(c[1])
                    .append("</display-name></channel>\n");
        }
        for (String[] c : channels) {
            for (int i = 0; i < 12; i++) {
                Instant s = slotStart(i);
                xml.append("<programme start=\"").append(XMLTV.format(s.atOffset(ZoneOffset.ofHours(1))))
                        .append("\" stop=\"").append(XMLTV.format(s.plus(SLOT).atOffset(ZoneOffset.ofHours(1))))
                        .append("\" channel=\"").append(c[0]).append("\"><title>").append(title(c[0], i))
                        .append("</title></programme>\n");
            }
        }
        return xml.append("</tv>\n").toString();
    }

    Instant slotStart(int slot) {
        return firstSlot.plus(SLOT.multipliedBy(slot));
    }

    static String title(String id, int slot) {
        return id.substring(0, id.indexOf('.')) + " show " + slot;
    }

    /**
     * The slot running now, at least a minute before the next half hour (else after waiting for it): the guide's
     * "now" moves on at each half hour, so a test that straddled one would expect one programme and see the next.
     */
    int slotAwayFromABoundary() throws InterruptedException {
        Instant now = Instant.now();
        long slot = Duration.between(firstSlot, now).toSeconds() / SLOT.toSeconds();
        Duration left = Duration.between(now, slotStart((int) slot + 1));
        if (left.compareTo(Duration.ofMinutes(1)) < 0) {
            System.out.printf("waiting %d ms for the half hour to pass%n", left.toMillis() + 1000);
            Thread.sleep(left.toMillis() + 1000);
            slot++;
        }
        return (int) slot;
    }

    @Override
    public void close() {
        server.close();
        TimeZone.setDefault(zoneBefore);
    }
}
