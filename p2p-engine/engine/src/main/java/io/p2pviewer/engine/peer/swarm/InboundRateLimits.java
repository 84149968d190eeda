package io.p2pviewer.engine.peer.swarm;

import io.p2pviewer.engine.peer.protocol.PeerCommand;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.stats.TokenBucket;
import io.p2pviewer.engine.time.EngineThread;
import java.time.Instant;

/**
 * How many commands one peer may send us a second: segment requests ({@link #REQUESTS_PER_SECOND}) and commands of
 * any kind ({@link #COMMANDS_PER_SECOND}), each a {@link TokenBucket} with a burst of twice the rate. A peer over
 * either limit is flooding: the {@link Swarm} drops it. An honest peer asks one segment at a time (a new request
 * replaces the last), a few a second at most, and announces once per change; a flood of thousands a second is cut
 * off after its burst, some tens of milliseconds. Payload messages are not counted (they are bounded by what we
 * asked for). One per peer; engine thread only.
 */
@EngineThread
final class InboundRateLimits {
    /** Segment requests a second a peer may send (burst twice this). */
    static final int REQUESTS_PER_SECOND = 20;
    /** Commands of any kind a second a peer may send (burst twice this). */
    static final int COMMANDS_PER_SECOND = 50;

    private final TokenBucket requests = new TokenBucket(REQUESTS_PER_SECOND, 2 * REQUESTS_PER_SECOND);
    private final TokenBucket commands = new TokenBucket(COMMANDS_PER_SECOND, 2 * COMMANDS_PER_SECOND);

    /** Why a command received at {@code now} exceeds a limit, or null when it is within them. */
    String exceeded(PeerCommand command, Instant now) {
        if (!commands.take(now)) {
            return "command flood (more than " + COMMANDS_PER_SECOND + " commands a second)";
        }
        if (command instanceof SegmentRequest && !requests.take(now)) {
            return "request flood (more than " + REQUESTS_PER_SECOND + " segment requests a second)";
        }
        return null;
    }
}
