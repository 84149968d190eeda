/**
 * HLS playlists (RFC 8216): a parser into immutable records and a rewriter that re-emits the origin's text.
 *
 * <p>The parser is hand-written and line-oriented rather than built on a model library such as
 * io.lindstrom:m3u8-parser. The loopback proxy must hand the player the origin's playlist byte for byte except for
 * the URIs it rewrites, and a round trip through a model drops or reorders unknown and vendor tags. So both
 * {@link io.p2pviewer.engine.playlist.MasterPlaylist} and {@link io.p2pviewer.engine.playlist.MediaPlaylist} keep
 * the original lines, each parsed element remembers the index of its line, and
 * {@link io.p2pviewer.engine.playlist.PlaylistRewriter} changes only URI lines and URI attribute values. Bad input
 * fails with a {@link io.p2pviewer.engine.playlist.PlaylistException} carrying a typed reason and a line number,
 * never with any other exception.
 *
 * <p>Everything here is immutable or stateless: safe to use from any thread, and nothing blocks.
 */
package io.p2pviewer.engine.playlist;
