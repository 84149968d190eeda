package io.p2pviewer.app.ui.exports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the export buttons act on: a JSON snapshot and a CSV recording of the stream that plays. The app's is
 * {@link PlaybackExports}; view-model tests use a fake. Called on the exports' worker thread.
 */
public interface Exports {
    /** Writes a JSON snapshot of the stream that plays to this file; fails when nothing plays. */
    void writeSnapshot(Path file) throws IOException;

    /** Starts recording one CSV row a second to this file. */
    void startRecording(Path file) throws IOException;

    /** Stops the recording; its file is complete. */
    void stopRecording();

    boolean recording();
}
