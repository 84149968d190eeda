package io.p2pviewer.sim;

/**
 * The simulated internet under the simulated peer channels ({@link SimChannel}) and the simulated CDN: hosts
 * ({@link SimNode}) with access links, and one-way flows between them. A piece of a flow leaves through the sender's
 * uplink (shared with the sender's other flows), travels for the two hosts' latencies, then enters through the
 * receiver's downlink (shared likewise), so a transfer runs at the smaller of its two fair shares and both links'
 * capacities are never exceeded.
 *
 * <p>Simplifications, all deterministic: pieces are stored and forwarded whole (a 64 KiB piece pays its downlink
 * time after its uplink time, as a packet would at one hop); a protocol command of at most
 * {@value #SMALL_MESSAGE_BYTES} wire bytes pays no capacity where its flow is idle (behind payload still queued at
 * either end, it waits its turn there), while payload always pays its wire bytes, however small the message (a paced
 * upload sends small ones); links are lossless.
 *
 * <p><b>The wire</b> ({@link Scenario.Wire}). A peer connection's flows ({@link #channelFlow}) weigh {@code overhead}
 * times what they carry on both links (headers, acknowledgements and requests, as tc measured them); CDN downloads
 * weigh their bytes. A real host's uplink is one FIFO queue (its router's) in front of the processor sharing
 * modelled here, so a command on an idle flow, and an HTTP request ({@link #uplinkWaitNanos}), waits behind the bytes
 * the host's other flows have queued, at most {@code uplinkQueue}; payload that follows it on its flow never
 * overtakes it. Its own few bytes pay no capacity (the overhead factor counts them).
 *
 * <p><b>Payload scale.</b> Segment payloads are small arrays standing for segments {@code payloadScale} times larger:
 * a raw payload byte weighs {@code payloadScale} wire bytes, and a payload message is delivered in consecutive
 * pieces each standing for 64 KiB of wire (the size of the data channel messages a real engine sends), so the
 * receiving engine sees a transfer progress as it would over WebRTC. Payload is told from commands by its first
 * byte: commands start with the ASCII "c" or "d" of their frame markers, and the simulated origin never puts
 * those two byte values in a segment.
 *
 * <p><b>Partitions.</b> Each host belongs to one partition; its links run on that partition's thread. A flow's
 * sending end (its uplink queue) lives in the sender's partition, its receiving end (its downlink queue) in the
 * receiver's: a piece crosses between them after the two latencies, which is why the simulation's lookahead is
 * at most twice the least latency.
 */
public final class LinkNetwork {
    /** Wire bytes a payload piece stands for: one full data channel message. */
    static final long PIECE_WIRE_BYTES = 65_536;
    /** Messages up to this size on an idle flow are charged latency only. */
    static final long SMALL_MESSAGE_BYTES = 1_500;

    private final Partitions partitions;
    private final int payloadScale;
    private final int pieceBytes;
    private final double channelOverhead;
    private final long uplinkQueueNanos;

    /** Payload only, no shared uplink queue ({@link Scenario.Wire#NONE}). */
    LinkNetwork(Partitions partitions, int payloadScale) {
        this(partitions, payloadScale, Scenario.Wire.NONE);
    }

    /** @param payloadScale wire bytes per payload byte (1 for real-size payloads) */
    LinkNetwork(Partitions partitions, int payloadScale, Scenario.Wire wire) {
        if (payloadScale < 1) {
            throw new IllegalArgumentException("payload scale must be at least 1, got " + payloadScale);
        }
        this.partitions = partitions;
        this.payloadScale = payloadScale;
        this.pieceBytes = (int) Math.max(1, PIECE_WIRE_BYTES / payloadScale);
        this.channelOverhead = wire.overhead();
        this.uplinkQueueNanos = wire.uplinkQueue().toNanos();
    }

    int payloadScale() {
        return payloadScale;
    }

    /** Raw payload bytes in one piece (each stands for {@link #PIECE_WIRE_BYTES} of wire). */
    int pieceBytes() {
        return pieceBytes;
    }

    /** A new host in {@code partition}; capacities in bytes per second. */
    SimNode addNode(String name, double uplinkBytesPerSecond, double downlinkBytesPerSecond, long latencyNanos,
                    boolean behindNat, int partition) {
        var scheduler = partitions.scheduler(partition);
        return new SimNode(name, new SharedLink(scheduler, uplinkBytesPerSecond),
                new SharedLink(scheduler, downlinkBytesPerSecond), latencyNanos, behindNat, partition);
    }

    /**
     * A new one-way flow between two hosts (an HTTP response); any thread may create it, its ends work on their own
     * partitions.
     */
    Flow flow(SimNode from, SimNode to) {
        return new Flow(from, to, 1);
    }

    /** As {@link #flow}, for one direction of a peer connection: it weighs the wire's overhead. */
    Flow channelFlow(SimNode from, SimNode to) {
        return new Flow(from, to, channelOverhead);
    }

    /**
     * How long a small packet {@code host} sends now waits in its uplink's FIFO queue behind what its flows have
     * queued (at most the scenario's {@code wire.uplinkQueue}). Its partition's thread.
     */
    long uplinkWaitNanos(SimNode host) {
        return host.uplink().queuedNanos(uplinkQueueNanos);
    }

    /** Runs {@code task} in the partition of {@code to}, {@code delayNanos} after now in that of {@code from}. */
    void post(SimNode from, SimNode to, long delayNanos, Runnable task) {
        partitions.postAfter(from.partition(), to.partition(), delayNanos, task);
    }

    static boolean isPayload(byte[] message) {
        return message.length > 0 && message[0] != 'c' && message[0] != 'd';
    }

    /**
     * A one-way stream of pieces from one host to another, delivered in order. {@link #send} and
     * {@link #closeSending} run on the sender's partition; the receiving end works on the receiver's.
     */
    final class Flow {
        private final SimNode from;
        private final SimNode to;
        private final long latency;
        private final double overhead;
        private SharedLink.Queue up;
        private SharedLink.Queue down;
        private long buffered;
        /** When the last command sent past the uplink's queue leaves it: nothing sent after it may leave before. */
        private long commandLeavesAt;
        private boolean sending = true;
        private boolean receiving = true;

        private Flow(SimNode from, SimNode to, double overhead) {
            this.from = from;
            this.to = to;
            this.latency = from.latencyNanos() + to.latencyNanos();
            this.overhead = overhead;
        }

        /** The two hosts' latencies: what a piece pays between the two links. */
        long latencyNanos() {
            return latency;
        }

        /** Wire bytes sent but not yet through the sender's uplink (as sent: without the wire's overhead). */
        long buffered() {
            return buffered;
        }

        /**
         * Sends a piece of payload of {@code wireBytes}; {@code arrived} runs in the receiver's partition when its
         * last byte reached the receiver, unless the flow was closed before. Payload always pays capacity, however
         * small the piece (a paced upload's last bytes, a segment's last piece).
         */
        void send(long wireBytes, Runnable arrived) {
            send(wireBytes, false, arrived);
        }

        /**
         * Sends a protocol command of {@code wireBytes}: as {@link #send(long, Runnable)}, but one of at most
         * {@link #SMALL_MESSAGE_BYTES} pays no capacity where its flow is idle.
         */
        void sendCommand(long wireBytes, Runnable arrived) {
            send(wireBytes, true, arrived);
        }

        private void send(long wireBytes, boolean command, Runnable arrived) {
            if (!sending) {
                return;
            }
            if (up == null) {
                up = from.uplink().newQueue();
            }
            boolean small = command && wireBytes <= SMALL_MESSAGE_BYTES;
            long onWire = overhead == 1 ? wireBytes : Math.round(wireBytes * overhead);
            if (small && up.idle()) {
                long now = from.uplink().nanos();
                long leaves = Math.max(now + uplinkWaitNanos(from), commandLeavesAt);
                commandLeavesAt = leaves;
                post(from, to, leaves - now + latency, () -> arrive(onWire, true, arrived));
                return;
            }
            buffered += wireBytes;
            from.uplink().add(up, onWire, () -> {
                buffered -= wireBytes;
                long behind = commandLeavesAt - from.uplink().nanos();
                post(from, to, behind > 0 ? behind + latency : latency, () -> arrive(onWire, small, arrived));
            });
        }

        /** The piece reached the receiver's downlink (its partition): through it, or at once if small and idle. */
        private void arrive(long wireBytes, boolean small, Runnable arrived) {
            if (!receiving) {
                return;
            }
            if (down == null) {
                down = to.downlink().newQueue();
            }
            if (small && down.idle()) {
                arrived.run();
            } else {
                to.downlink().add(down, wireBytes, arrived);
            }
        }

        /**
         * Stops sending now (pieces not yet through the uplink are dropped); the receiving end stops one latency
         * later, after what was already on its way arrived. Sender's partition.
         */
        void closeSending() {
            if (sending) {
                sending = false;
                if (up != null) {
                    from.uplink().remove(up);
                }
                post(from, to, latency, this::closeReceiving);
            }
        }

        /** Stops both ends at once: only for a flow within one partition (a CDN download its viewer cancels). */
        void close() {
            if (from.partition() != to.partition()) {
                throw new IllegalStateException("a flow between partitions closes from its sender");
            }
            if (sending) {
                sending = false;
                if (up != null) {
                    from.uplink().remove(up);
                }
            }
            closeReceiving();
        }

        private void closeReceiving() {
            if (receiving) {
                receiving = false;
                if (down != null) {
                    to.downlink().remove(down);
                }
            }
        }
    }
}
