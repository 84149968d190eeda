package io.p2pviewer.engine;

import java.net.URI;

/** A playable media playlist of a stream (a variant or an alternate rendition) as the engine knows it. */
public record TrackInfo(int index, String name, URI originUri, long bandwidth, String resolution, boolean live) {
}
