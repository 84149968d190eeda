package io.p2pviewer.app.ui.guide;

import io.p2pviewer.app.channels.ReadException;
import io.p2pviewer.app.channels.guide.Guide;
import java.util.function.LongConsumer;

/**
 * Reads one XMLTV guide (a file or an http(s) URL). Blocking: {@link GuideService} calls it on its own thread,
 * one source at a time.
 */
public interface GuideLoader {
    /**
     * The guide at {@code source}; {@code bytesRead} hears the count of bytes read so far now and then.
     *
     * @throws ReadException with a one-line reason when nothing usable was read
     */
    Guide load(String source, LongConsumer bytesRead) throws ReadException;
}
