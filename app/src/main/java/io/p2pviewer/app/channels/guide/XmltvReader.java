package io.p2pviewer.app.channels.guide;

import io.p2pviewer.app.channels.ReadError;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.ReadWarning;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XMLTV guide (plain or gzip, told apart by the magic bytes) as a stream with StAX into a
 * {@link GuideStore}: {@code <channel id>} with its {@code <display-name>}s, {@code <programme start stop
 * channel>} with its first {@code <title>}; everything else is skipped. DTDs and external entities are off: a
 * {@code DOCTYPE} is ignored, nothing is fetched, and an entity the XML spec does not predefine ends the
 * reading (no XXE, no entity expansion bomb).
 *
 * <p>Bad programmes (malformed or missing times, stop before start, no channel) are skipped and counted; a
 * document that breaks off (truncated gzip, an XML error) keeps what was read before, with a warning. Input
 * that is not a guide at all (empty, HTML, binary, not XML) is a {@link ReadException}. One call reads one
 * input on the calling thread.
 */
public final class XmltvReader {
    private static final String WHAT = "guide";
    private static final int SNIFF = 512;
    /** How the warning of a document that broke off begins (see {@link #brokeOff(Guide)}). */
    public static final String STOPPED = "reading stopped: ";

    private final XmltvTime times = new XmltvTime();
    private final GuideStoreBuilder builder = new GuideStoreBuilder();
    private final List<ReadWarning> warnings = new ArrayList<>();
    private int badTimes;
    private String firstBadTime;
    private int noChannel;
    private int programmes;

    private XmltvReader() {
    }

    /** Reads a whole guide from the stream (which is not closed). */
    public static Guide read(InputStream in) throws ReadException {
        return new XmltvReader().readAll(in);
    }

    /**
     * Whether the guide's document broke off before its end (truncated gzip, an XML error): what was read before
     * is in the store, and one warning says why.
     */
    public static boolean brokeOff(Guide guide) {
        return guide.warnings().stream().anyMatch(w -> w.message().startsWith(STOPPED));
    }

    /** A StAX factory with DTDs, external entities and external DTD/schema access all off. */
    static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // The JDK counts the predefined entities (&amp; ...) of the whole document against these limits (100,000
        // since JDK 24): a real guide has millions. With DTDs off no other entity can be declared, so lifting
        // them opens no expansion bomb (aBillionLaughsIsNotExpanded checks it).
        f.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "0");
        f.setProperty("jdk.xml.totalEntitySizeLimit", "0");
        return f;
    }

    private Guide readAll(InputStream raw) throws ReadException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        FailureRecordingInputStream xml;
        try {
            xml = new FailureRecordingInputStream(gunzipIfNeeded(in));
            sniff(xml);
        } catch (EOFException | ZipException e) {
            throw new ReadException(new ReadError.Unreadable(WHAT, "gzip data truncated or damaged"), e);
        } catch (IOException e) {
            throw new ReadException(new ReadError.Unreadable(WHAT, oneLine(e)), e);
        }
        boolean sawRoot = false;
        XMLStreamReader r = null;
        try {
            r = safeFactory().createXMLStreamReader(xml);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (!sawRoot) {
                    sawRoot = true;
                    if (name.equalsIgnoreCase("html")) {
                        throw new ReadException(new ReadError.Html(WHAT, r.getLocation().getLineNumber()));
                    }
                    if (!name.equals("tv")) {
                        throw new ReadException(new ReadError.NoEntries(WHAT,
                                "root element <" + name + ">, not <tv>"));
                    }
                } else if (name.equals("channel")) {
                    channel(r);
                } else if (name.equals("programme")) {
                    programme(r);
                }
            }
        } catch (XMLStreamException e) {
            stopped(e, cause(e), sawRoot, xml, e.getLocation() == null ? 0 : e.getLocation().getLineNumber());
        } catch (RuntimeException e) {
            if (!thrownByTheParser(e)) {
                throw e;
            }
            stopped(e, "the XML parser failed on it (" + cause(e) + ")", sawRoot, xml, 0);
        } finally {
            close(r);
        }
        if (!sawRoot) {
            throw new ReadException(new ReadError.Empty(WHAT));
        }
        summarize();
        return new Guide(builder.build(warnings), warnings);
    }

    /**
     * The XML could not be read on: before the root element that is the guide's error, after it a warning that
     * keeps what was read before.
     */
    private void stopped(Exception e, String why, boolean sawRoot, FailureRecordingInputStream xml, int line)
            throws ReadException {
        if (!sawRoot) {
            throw new ReadException(new ReadError.Unreadable(WHAT, xml.failure() != null ? cause(xml.failure())
                    : "not well-formed XML: " + why), e);
        }
        warnings.add(new ReadWarning(WHAT, Math.max(0, line), STOPPED + (xml.failure() != null
                ? cause(xml.failure()) : why) + "; kept the " + programmes + " programmes read before"));
    }

    /**
     * Whether a runtime exception came from inside the JDK's StAX parser rather than from our code: on some
     * malformed documents it throws one instead of an XMLStreamException (a DTD with a control character made
     * its error reporter throw MissingResourceException "InvalidCharInDTD", JDK 25; found by the fuzz test).
     * Those are bad input like any other; a runtime exception from our own code is a bug and is not caught.
     */
    static boolean thrownByTheParser(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("io.p2pviewer.")) {
                return false;
            }
            if (c.startsWith("com.sun.org.apache.xerces.internal.") || c.startsWith("com.sun.xml.internal.stream.")) {
                return true;
            }
        }
        return false;
    }

    private void channel(XMLStreamReader r) throws XMLStreamException {
        String id = r.getAttributeValue(null, "id");
        List<String> names = new ArrayList<>(2);
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && r.getLocalName().equals("display-name")) {
                    names.add(r.getElementText().strip());
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (id != null && !id.isBlank()) {
            builder.channel(id.strip(), names);
        }
    }

    private void programme(XMLStreamReader r) throws XMLStreamException {
        String channel = r.getAttributeValue(null, "channel");
        String startText = r.getAttributeValue(null, "start");
        String stopText = r.getAttributeValue(null, "stop");
        int line = r.getLocation().getLineNumber();
        String title = null;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && title == null && r.getLocalName().equals("title")) {
                    title = r.getElementText().strip();
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (channel == null || channel.isBlank()) {
            noChannel++;
            return;
        }
        long start = times.parse(startText);
        long stop = stopText == null ? start + 1 : times.parse(stopText);
        if (start == XmltvTime.INVALID || stop == XmltvTime.INVALID || stop <= start) {
            badTimes++;
            if (firstBadTime == null) {
                firstBadTime = "line " + line + ": start=\"" + shorten(startText) + "\" stop=\"" + shorten(stopText)
                        + "\"";
            }
            return;
        }
        programmes++;
        builder.programme(channel.strip(), start, stop, title == null ? "" : title);
    }

    private void summarize() {
        if (badTimes > 0) {
            warnings.add(new ReadWarning(WHAT, 0, badTimes + " programmes with malformed or reversed times skipped"
                    + " (first at " + firstBadTime + ")"));
        }
        if (noChannel > 0) {
            warnings.add(new ReadWarning(WHAT, 0, noChannel + " programmes without a channel attribute skipped"));
        }
        if (times.withoutOffset() > 0) {
            warnings.add(new ReadWarning(WHAT, 0, times.withoutOffset() + " times have no UTC offset; read as UTC"));
        }
    }

    private static InputStream gunzipIfNeeded(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
        }
        return in;
    }

    /** Empty, binary, HTML or not XML at all: one clear error before the parser's own message. */
    private static void sniff(InputStream in) throws IOException, ReadException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == head.length) {
            throw new ReadException(new ReadError.Empty(WHAT));
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ReadException(new ReadError.Binary(WHAT, 1));
            }
        }
        String text = new String(head, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text.contains("<html") || text.contains("<!doctype html")) {
            throw new ReadException(new ReadError.Html(WHAT, 1));
        }
        if (head[i] != '<') {
            throw new ReadException(new ReadError.Unreadable(WHAT, "not XML (it does not start with '<')"));
        }
    }

    /** The root cause's message on one line: a truncated gzip says so. */
    private static String cause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        if (c instanceof EOFException || c instanceof ZipException) {
            return "gzip data truncated or damaged";
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        if (c instanceof XMLStreamException x && x.getNestedException() != null) {
            return cause(x.getNestedException());
        }
        return oneLine(m.replaceFirst("^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", ""));
    }

    private static String oneLine(Throwable e) {
        return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing to release beyond the stream, which the caller closes
            }
        }
    }
}
