package io.p2pviewer.engine.stream;

import io.p2pviewer.engine.peer.protocol.SegmentAbsent;
import io.p2pviewer.engine.peer.protocol.SegmentData;
import io.p2pviewer.engine.peer.protocol.SegmentRequest;
import io.p2pviewer.engine.peer.protocol.SegmentsAnnouncement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * The hostile peers of the adversary suite (issue 24), each speaking the real wire protocol to a
 * {@link LiveEngineFixture}'s engine: {@code HostilePeersTest} checks what each must not achieve,
 * {@code HostilePeersBenchIT} measures what each costs the engine. Engine thread.
 */
final class Adversaries {
    /** The peer id adversaries join under. */
    static final String MALLORY = "-PV0100-mallory00001";

    private Adversaries() {
    }

    /** Announces every segment and never answers a request. */
    static WirePeer liar() {
        return new AnnouncesAll();
    }

    /** Answers a request with a header declaring 64 MiB, then the right bytes, one a second. */
    static WirePeer trickler() {
        return new AnnouncesAll() {
            @Override
            void requested(SegmentRequest r) {
                send(new SegmentData(r.segmentId(), r.requestId(), 64L << 20)); // declares the largest size
                trickle(r, 1);
            }

            private void trickle(SegmentRequest r, int sent) {
                if (open() && sent < 64) {
                    sendRaw(new byte[] {FakeLiveOrigin.bytes(r.segmentId())[sent - 1]}); // the right bytes, slowly
                    engine.scheduler.schedule(Duration.ofSeconds(1), () -> trickle(r, sent + 1));
                }
            }
        };
    }

    /** Answers a request with the header and the first half of the right bytes, then nothing. */
    static WirePeer staller() {
        return new AnnouncesAll() {
            @Override
            void requested(SegmentRequest r) {
                byte[] bytes = FakeLiveOrigin.bytes(r.segmentId());
                send(new SegmentData(r.segmentId(), r.requestId(), bytes.length));
                sendRaw(Arrays.copyOf(bytes, bytes.length / 2));
            }
        };
    }

    /** Sends a segment nobody asked for. */
    static WirePeer pusher() {
        return saying(p -> {
            p.send(new SegmentData(5, 77, 1000));
            p.sendRaw(new byte[1000]);
        });
    }

    /** Sends a frame with an unknown command. */
    static WirePeer garbler() {
        return saying(p -> p.sendRaw(framed("cstr", 20, (byte) 0xFF, "cend")));
    }

    /** Sends a command of 2.5 MiB in 40 parts (the limit is 1 MiB). */
    static WirePeer bloater() {
        return saying(p -> {
            for (int k = 0; k < 40; k++) {
                p.sendRaw(framed(k == 0 ? "cstr" : "dstr", 65_527, (byte) 'x', "dend"));
            }
        });
    }

    /** Announces 100,000 ids (both sets together: one set encodes at most 255 groups of 255 ids, 65,025). */
    static WirePeer boaster() {
        return saying(p -> p.send(new SegmentsAnnouncement(packedIds(0, 65_025), packedIds(255, 34_975))));
    }

    /**
     * A Sybil: a new identity from the same address every 200 ms, each announcing everything and answering absent,
     * 100 in all; {@code identities} collects them and {@code maxConnected[0]} the most connected at once.
     */
    static void sybil(LiveEngineFixture e, List<WirePeer> identities, int n, int[] maxConnected) {
        if (n >= 100) {
            return;
        }
        WirePeer id = new AnnouncesAll() {
            @Override
            void requested(SegmentRequest r) {
                send(new SegmentAbsent(r.segmentId(), r.requestId()));
            }
        };
        identities.add(id);
        id.join(e, "mallory", String.format("-PV0100-sybil%07d", n));
        e.scheduler.schedule(Duration.ofMillis(200), () -> {
            maxConnected[0] = Math.max(maxConnected[0], (int) identities.stream().filter(WirePeer::open).count());
            sybil(e, identities, n + 1, maxConnected);
        });
    }

    /** A message of {@code length} bytes {@code fill} between two frame markers. */
    private static byte[] framed(String start, int length, byte fill, String end) {
        byte[] m = new byte[length + 8];
        Arrays.fill(m, fill);
        System.arraycopy(start.getBytes(StandardCharsets.US_ASCII), 0, m, 0, 4);
        System.arraycopy(end.getBytes(StandardCharsets.US_ASCII), 0, m, length + 4, 4);
        return m;
    }

    /** {@code count} ids as the wire packs them densest: 255 per block of 256, from block {@code fromBlock}. */
    private static long[] packedIds(int fromBlock, int count) {
        return LongStream.range(0, count).map(k -> (fromBlock + k / 255) * 256L + k % 255).toArray();
    }

    /** A peer whose hello is {@code hello}; it answers nothing. */
    private static WirePeer saying(Consumer<WirePeer> hello) {
        return new WirePeer() {
            @Override
            void connected() {
                hello.accept(this);
            }
        };
    }

    /** Announces every segment the runs will ever ask for; answers requests as a subclass says (by default never). */
    private static class AnnouncesAll extends WirePeer {
        @Override
        void connected() {
            send(new SegmentsAnnouncement(LongStream.rangeClosed(0, 200).toArray(), new long[0]));
        }
    }

    /** Asks for the same segment a thousand times a second, never waiting for an answer. */
    static final class Flooder extends WirePeer {
        int sent;

        @Override
        void connected() {
            flood();
        }

        private void flood() {
            if (open() && sent < 30_000) {
                long newest = engineHolds.length == 0 ? 0 : engineHolds[engineHolds.length - 1];
                send(new SegmentRequest(newest, sent++, null));
                engine.scheduler.schedule(Duration.ofMillis(1), this::flood);
            }
        }
    }
}
