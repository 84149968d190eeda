package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.ReadError;
import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.SourceOpener;
import io.p2pviewer.app.channels.guide.Guide;
import io.p2pviewer.app.channels.guide.XmltvReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * The {@link GuideLoader} of the app: {@link SourceOpener} (files, http(s) with timeouts) streamed into
 * {@link XmltvReader}, counting bytes for the progress line. One thread at a time (the guide service's).
 */
public final class XmltvGuideLoader implements GuideLoader, AutoCloseable {
    private static final long REPORT_EVERY = 1 << 20;

    private final SourceOpener opener = new SourceOpener();

    @Override
    public Guide load(String source, LongConsumer bytesRead) throws ReadException {
        try (InputStream in = new Counting(opener.open(source, "guide"), bytesRead)) {
            return XmltvReader.read(in);
        } catch (IOException e) {
            throw new ReadException(new ReadError.Unreadable("guide", e.getClass().getSimpleName()), e);
        }
    }

    @Override
    public void close() {
        opener.close();
    }

    /** Counts bytes as they are read and reports every MiB. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer report;
        private long count;
        private long reported;

        Counting(InputStream in, LongConsumer report) {
            super(in);
            this.report = report;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count - reported >= REPORT_EVERY) {
                reported = count;
                report.accept(count);
            }
        }
    }
}
