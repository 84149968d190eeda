package io.p2pviewer.app.channels.guide;

import java.time.Instant;

/** One guide entry as the store hands it out: a title and its start and stop. */
public record Programme(String title, Instant start, Instant stop) {
}
