package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.stats.TokenBucket;
import java.time.Instant;

/**
 * How many messages one tracker connection may send a second ({@link EmbeddedTrackerConfig#maxMessagesPerSecond},
 * burst twice that): a message over the budget is refused; one refusal a second at most is told to the client
 * ({@link Verdict#TELL}), the rest are dropped quietly (a reply to each would amplify the flood), and a connection
 * whose refused messages reach ten seconds' worth of the budget is closed. An honest client announces every
 * interval and answers the offers it gets: a few messages a second at most. Guarded by the relay's lock.
 */
final class MessageBudget {
    /** What to do with a message. */
    enum Verdict { ACCEPT, TELL, DROP, CLOSE }

    private final TokenBucket bucket;
    private final int closeAfter;
    private int refused;
    private Instant told;

    MessageBudget(int perSecond) {
        this.bucket = new TokenBucket(perSecond, 2 * perSecond);
        this.closeAfter = 10 * perSecond;
    }

    Verdict take(Instant now) {
        if (bucket.take(now)) {
            return Verdict.ACCEPT;
        }
        refused++;
        if (refused >= closeAfter) {
            return Verdict.CLOSE;
        }
        if (told != null && now.isBefore(told.plusSeconds(1))) {
            return Verdict.DROP;
        }
        told = now;
        return Verdict.TELL;
    }
}
