package io.p2pviewer.engine.sim;

import io.p2pviewer.engine.peer.transport.LinkModel;
import io.p2pviewer.engine.time.VirtualTimeScheduler;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The simulated internet under the in-memory peer transport and the simulated CDN: hosts ({@link SimNode}) with
 * access links, and one-way flows between them. A piece of a flow leaves through the sender's uplink (shared with
 * the sender's other flows), travels for the two hosts' latencies, then enters through the receiver's downlink
 * (shared likewise), so a transfer runs at the smaller of its two fair shares and both links' capacities are never
 * exceeded.
 *
 * <p>Simplifications, all deterministic: pieces are stored and forwarded whole (a 64 KiB piece pays its downlink
 * time after its uplink time, as a packet would at one hop); a message of at most {@value #SMALL_MESSAGE_BYTES}
 * wire bytes on an idle flow pays latency only, no capacity (protocol commands); two hosts both behind NAT cannot
 * connect; links are lossless.
 *
 * <p><b>Payload scale.</b> Segment payloads are small arrays standing for segments {@code payloadScale} times larger:
 * a raw payload byte weighs {@code payloadScale} wire bytes, and a payload message is delivered in consecutive
 * pieces each standing for 64 KiB of wire (the size of the data channel messages a real engine sends), so the
 * receiving engine sees a transfer progress as it would over WebRTC. Payload is told from commands by its first
 * byte: commands start with the ASCII "c" or "d" of their frame markers, and the simulated origin never puts
 * those two byte values in a segment. Simulation thread only.
 */
public final class LinkNetwork implements LinkModel {
    /** Wire bytes a payload piece stands for: one full data channel message. */
    static final long PIECE_WIRE_BYTES = 65_536;
    /** Messages up to this size on an idle flow are charged latency only. */
    static final long SMALL_MESSAGE_BYTES = 1_500;

    private final VirtualTimeScheduler scheduler;
    private final int payloadScale;
    private final int pieceBytes;
    private final Map<String, SimNode> nodes = new HashMap<>();

    /** @param payloadScale wire bytes per payload byte (1 for real-size payloads) */
    public LinkNetwork(VirtualTimeScheduler scheduler, int payloadScale) {
        if (payloadScale < 1) {
            throw new IllegalArgumentException("payload scale must be at least 1, got " + payloadScale);
        }
        this.scheduler = scheduler;
        this.payloadScale = payloadScale;
        this.pieceBytes = (int) Math.max(1, PIECE_WIRE_BYTES / payloadScale);
    }

    int payloadScale() {
        return payloadScale;
    }

    /** Adds a host; capacities in bytes per second. */
    SimNode addNode(String name, double uplinkBytesPerSecond, double downlinkBytesPerSecond, long latencyNanos,
                    boolean behindNat) {
        SimNode node = new SimNode(name, new SharedLink(scheduler, uplinkBytesPerSecond),
                new SharedLink(scheduler, downlinkBytesPerSecond), latencyNanos, behindNat);
        nodes.put(name, node);
        return node;
    }

    void removeNode(String name) {
        nodes.remove(name);
    }

    @Override
    public Pipe open(String from, String to) {
        Flow flow = flow(node(from), node(to));
        return new Pipe() {
            @Override
            public void carry(byte[] message, Consumer<byte[]> deliver) {
                if (isPayload(message)) {
                    for (int from = 0; from < message.length; from += pieceBytes) {
                        byte[] piece = message.length <= pieceBytes ? message
                                : Arrays.copyOfRange(message, from, Math.min(message.length, from + pieceBytes));
                        flow.send((long) piece.length * payloadScale, () -> deliver.accept(piece));
                    }
                } else {
                    flow.send(message.length, () -> deliver.accept(message));
                }
            }

            /** In wire bytes, so the engine's flow control (at most 1 MiB buffered) works as over WebRTC. */
            @Override
            public long buffered() {
                return flow.buffered;
            }

            @Override
            public int payloadScale() {
                return payloadScale;
            }

            @Override
            public void close() {
                flow.close();
            }
        };
    }

    @Override
    public boolean reachable(String offerer, String answerer) {
        SimNode a = nodes.get(offerer);
        SimNode b = nodes.get(answerer);
        return a == null || b == null || !(a.behindNat() && b.behindNat());
    }

    /** A new one-way flow between two hosts. */
    Flow flow(SimNode from, SimNode to) {
        return new Flow(from, to);
    }

    static boolean isPayload(byte[] message) {
        return message.length > 0 && message[0] != 'c' && message[0] != 'd';
    }

    private SimNode node(String name) {
        SimNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalStateException("no simulated host named " + name);
        }
        return n;
    }

    /** A one-way stream of pieces from one host to another, delivered in order. */
    final class Flow {
        private final SimNode from;
        private final SimNode to;
        private final SharedLink.Queue up;
        private final SharedLink.Queue down;
        private int queuedPieces;
        private long buffered;
        private boolean closed;

        private Flow(SimNode from, SimNode to) {
            this.from = from;
            this.to = to;
            this.up = from.uplink().newQueue();
            this.down = to.downlink().newQueue();
        }

        /**
         * Sends a piece of {@code wireBytes}; {@code arrived} runs when its last byte reached the receiver, unless
         * the flow was closed before.
         */
        void send(long wireBytes, Runnable arrived) {
            if (closed) {
                return;
            }
            long latency = from.latencyNanos() + to.latencyNanos();
            if (queuedPieces == 0 && wireBytes <= SMALL_MESSAGE_BYTES) {
                scheduler.scheduleNanos(latency, () -> {
                    if (!closed) {
                        arrived.run();
                    }
                });
                return;
            }
            queuedPieces++;
            buffered += wireBytes;
            from.uplink().add(up, wireBytes, () -> {
                buffered -= wireBytes;
                scheduler.scheduleNanos(latency, () -> {
                    if (!closed) {
                        to.downlink().add(down, wireBytes, () -> {
                            queuedPieces--;
                            arrived.run();
                        });
                    }
                });
            });
        }

        void close() {
            if (!closed) {
                closed = true;
                from.uplink().remove(up);
                to.downlink().remove(down);
            }
        }
    }
}
