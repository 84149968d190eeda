package io.p2pviewer.engine;

/** Where the bytes of a segment came from. Every byte the engine receives or serves is counted under exactly one. */
public enum DeliverySource {
    /** Delivered by another viewer over a peer connection. */
    PEER,
    /** A planned HTTP fetch from the CDN (the origin). */
    CDN,
    /** A planned peer fetch that failed, stalled or missed its deadline, redone from the CDN. */
    FALLBACK
}
