/**
 * Signalling over the WebTorrent tracker protocol (JSON over WebSocket), interoperable with browsers running
 * p2p-media-loader and with trackers such as bittorrent-tracker and aquatic_ws.
 *
 * <p>Client side: {@link io.p2pviewer.engine.peer.tracker.TrackerClient} (one tracker, one swarm) and
 * {@link io.p2pviewer.engine.peer.tracker.TrackerSignalling} (several trackers, peers deduplicated). Server
 * side: {@link io.p2pviewer.engine.peer.tracker.EmbeddedTracker}, a small tracker for demos, LAN use and tests.
 *
 * <p>Binary protocol fields (info_hash, peer_id, offer_id) are JSON strings with one character per byte
 * (ISO-8859-1), see {@link io.p2pviewer.engine.peer.tracker.BinaryString}.
 */
package io.p2pviewer.engine.peer.tracker;
