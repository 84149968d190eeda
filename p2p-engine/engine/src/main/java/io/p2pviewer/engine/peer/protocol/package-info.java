/**
 * The wire codec of the p2p-media-loader 2.3 peer protocol: the binary messages two viewers exchange on a WebRTC data
 * channel, byte-compatible with browser peers running p2p-media-loader-core 2.3.x.
 *
 * <ul>
 * <li>{@link io.p2pviewer.engine.peer.protocol.PeerCommand} and its records are the six commands;</li>
 * <li>{@link io.p2pviewer.engine.peer.protocol.PeerMessages} encodes commands and cuts segment bytes into payload
 * messages;</li>
 * <li>{@link io.p2pviewer.engine.peer.protocol.PeerMessageDecoder} (one per connection) reads what a peer sends;</li>
 * <li>{@link io.p2pviewer.engine.peer.protocol.PeerProtocolException} reports bytes that break the format.</li>
 * </ul>
 *
 * <h2>What the codec checks, and what it leaves to the session</h2>
 * The codec judges single messages and the framing of split commands: structure, field types, required fields, value
 * ranges and size limits. It keeps no notion of requests, so these rules belong to the session layer (one per peer
 * connection), not here:
 * <ul>
 * <li>payload with no request outstanding, or before the {@code SegmentData} header of the request (browser peers
 * ignore it);</li>
 * <li>a {@code SegmentData}, {@code SegmentDataSendingCompleted} or {@code SegmentAbsent} whose segment id or request
 * id does not match the outstanding request;</li>
 * <li>size checks: payload beyond the announced {@code totalBytes}, fewer bytes than announced at
 * {@code SegmentDataSendingCompleted}, a {@code totalBytes} that differs from what a resumed request expects (browsers
 * destroy the connection for each), and a zero-length segment ({@code s} = 0 is well-formed on the wire but must never
 * be accepted as a segment);</li>
 * <li>integrity (hashes, container checks) before caching, serving or re-sharing a segment;</li>
 * <li>one download and one upload per peer at a time, a new request cancelling the current upload, request ids
 * matching on {@code CancelSegmentRequest}, and stall timeouts;</li>
 * <li>what to do with a {@link io.p2pviewer.engine.peer.protocol.PeerProtocolException}: browser peers silently drop a
 * broken split command and go on; we may be stricter.</li>
 * </ul>
 *
 * <h2>Deliberate differences from upstream</h2>
 * <ul>
 * <li>Announcements are written with at most 255 ids per group, because upstream's writer emits an unreadable group
 * for a block of 256 ids; the reader accepts upstream's count-0 group as 256 ids.</li>
 * <li>The reader is strict where upstream's accepts anything (see {@code CommandBodyReader}), except that fields a
 * command does not use are skipped, for forward compatibility.</li>
 * <li>Engine-only field: announcements to engine peers carry the sender's measured uplink, bytes per second, as an
 * Int field {@code u} ({@link io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement#uplinkBytesPerSecond}); it is
 * left out when 0 and never sent to browsers.</li>
 * <li>A split command interrupted by raw payload or by a new command is an error here. Upstream passes such payload
 * on and keeps assembling, and silently drops both commands on a new start; its sender never interleaves either.</li>
 * </ul>
 *
 * <p>All types here are immutable and thread-safe except {@link io.p2pviewer.engine.peer.protocol.PeerMessageDecoder}.
 */
package io.p2pviewer.engine.peer.protocol;
