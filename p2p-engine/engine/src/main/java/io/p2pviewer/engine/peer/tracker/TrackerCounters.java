package io.p2pviewer.engine.peer.tracker;

/**
 * A snapshot of the {@link EmbeddedTracker}'s state and totals, for tests and operations.
 *
 * @param swarms swarms with at least one peer
 * @param peers peers over all swarms
 * @param connections open WebSocket connections
 * @param announces announce messages handled (answers included)
 * @param offersRelayed offers forwarded to another peer
 * @param answersRelayed answers forwarded to their offerer
 * @param answersUndeliverable answers whose offerer was not in the swarm any more
 * @param failures "failure reason" replies sent, and messages of a flood dropped or closed on
 * @param expiredPeers peers dropped for being idle
 * @param refusedTokens announces and scrapes refused for a missing, invalid, expired or wrong-swarm join token
 *     (also counted in {@code failures})
 * @param rateLimitReplies "rate limit" failure replies sent to connections over their message budget (one a second
 *     at most per connection; also counted in {@code failures})
 */
public record TrackerCounters(int swarms, int peers, int connections, long announces, long offersRelayed,
                              long answersRelayed, long answersUndeliverable, long failures, long expiredPeers,
                              long refusedTokens, long rateLimitReplies) {
}
