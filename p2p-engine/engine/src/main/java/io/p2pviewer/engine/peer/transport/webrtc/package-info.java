/**
 * The WebRTC peer transport: {@link io.p2pviewer.engine.peer.transport.webrtc.WebRtcPeerTransport} over
 * webrtc-java, the only package of the engine that touches webrtc-java.
 *
 * <p>Rules this package follows because webrtc-java 0.14.0 needs them (measured, see WEBRTC-NOTES.md):
 * <ul>
 *   <li>one {@code PeerConnectionFactory} per process, with a headless audio module, shared by every transport
 *       and disposed when the last transport closes, after every connection ({@code SharedPeerConnectionFactory});</li>
 *   <li>every native call of a transport runs on its one control thread; webrtc-java callbacks copy what they
 *       need and post to it, so a callback never blocks and no native object is used after it is disposed;</li>
 *   <li>sends are exact-size heap arrays, fed to the data channel while its buffered amount is under a threshold
 *       (polled: {@code onBufferedAmountChange} never fires); received buffers are copied inside the callback;</li>
 *   <li>a connection that stays DISCONNECTED for a few seconds, or goes FAILED or CLOSED, closes its channel
 *       (a killed remote leaves the data channel OPEN).</li>
 * </ul>
 */
package io.p2pviewer.engine.peer.transport.webrtc;
