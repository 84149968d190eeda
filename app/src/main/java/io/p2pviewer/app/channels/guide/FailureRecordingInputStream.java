package io.p2pviewer.app.channels.guide;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers the first {@link IOException} its stream threw: the JDK's StAX parser turns a read failure (a
 * truncated gzip, a dropped connection) into "premature end of file", and the reader wants to say which.
 */
final class FailureRecordingInputStream extends FilterInputStream {
    private IOException failure;

    FailureRecordingInputStream(InputStream in) {
        super(in);
    }

    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    private IOException record(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
