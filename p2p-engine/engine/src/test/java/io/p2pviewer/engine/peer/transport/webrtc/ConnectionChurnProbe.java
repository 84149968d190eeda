package io.p2pviewer.engine.peer.transport.webrtc;

import io.p2pviewer.engine.peer.transport.PeerChannel;
import io.p2pviewer.engine.peer.transport.PeerChannelListener;
import io.p2pviewer.engine.peer.transport.PeerTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child-JVM probe of what connection churn costs: two {@link WebRtcPeerTransport}s in one JVM open a connection,
 * send {@code messages} messages of 16 KiB one way and close it, {@code rounds} times, with {@code unanswered}
 * offers per round made and cancelled without an answer (as the tracker client's expired offers are), and a new
 * factory every {@code connectionsPerFactory} peer connections (an optional fifth argument). Every
 * {@code every} rounds, after a full GC, it prints {@code ROUND n heapUsedKiB=H liveChannels=L factories=F
 * disposed=D mallocInUseKiB=M rssKiB=R destroyedPeerConnections=P}: L counts the closed rounds' channels still
 * reachable (weakly held), F and D the factories created and disposed, M glibc's bytes in use
 * ({@code jcmd System.native_heap_info}), P the closed peer connections libwebrtc destroyed
 * ({@link NativePeerConnectionRelease}). Run it in a
 * network namespace with a non-loopback address (webrtc-java ignores loopback), as {@code bench/connection-churn.sh}
 * and {@code ConnectionChurnIT} do.
 */
public final class ConnectionChurnProbe {
    private static final int MESSAGE_BYTES = 16 * 1024;

    private ConnectionChurnProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        int unanswered = Integer.parseInt(args[2]);
        int every = Integer.parseInt(args[3]);
        if (args.length > 4) {
            SharedPeerConnectionFactory.connectionsPerFactory(Integer.parseInt(args[4]));
        }
        List<WeakReference<PeerChannel>> closed = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (WebRtcPeerTransport a = new WebRtcPeerTransport(); WebRtcPeerTransport b = new WebRtcPeerTransport()) {
            report(0, memory, closed);
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < unanswered; i++) {
                    a.createOffer().get(20, TimeUnit.SECONDS).cancel();
                }
                PeerTransport.PendingOffer offer = a.createOffer().get(20, TimeUnit.SECONDS);
                PeerTransport.Answered answered = b.answer(offer.sdp()).get(20, TimeUnit.SECONDS);
                CompletableFuture<PeerChannel> sending = offer.accept(answered.sdp());
                PeerChannel from = sending.get(20, TimeUnit.SECONDS);
                PeerChannel to = answered.channel().get(20, TimeUnit.SECONDS);
                CountDownLatch all = new CountDownLatch(messages);
                to.setListener(new Counting(all));
                from.setListener(new Counting(new CountDownLatch(0)));
                for (int m = 0; m < messages; m++) {
                    from.send(new byte[MESSAGE_BYTES]);
                }
                if (!all.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("round " + round + ": " + all.getCount() + " messages missing");
                }
                from.close();
                to.close();
                closed.add(new WeakReference<>(from));
                closed.add(new WeakReference<>(to));
                waitUntilClosed(a, b);
                if (round % every == 0) {
                    report(round, memory, closed);
                }
            }
        }
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(Long.parseLong(System.getProperty("probe.linger.ms", "0")));
    }

    private static void waitUntilClosed(WebRtcPeerTransport a, WebRtcPeerTransport b) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((a.connectionCount() > 0 || b.connectionCount() > 0) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    private static void report(int round, MemoryMXBean memory, List<WeakReference<PeerChannel>> closed)
            throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long live = closed.stream().filter(r -> r.get() != null).count();
        System.out.printf("ROUND %d heapUsedKiB=%d liveChannels=%d factories=%d disposed=%d mallocInUseKiB=%d "
                + "rssKiB=%d destroyedPeerConnections=%d%n",
                round, memory.getHeapMemoryUsage().getUsed() / 1024, live, SharedPeerConnectionFactory.created(),
                SharedPeerConnectionFactory.disposed(), mallocInUseKiB(), rssKiB(),
                NativePeerConnectionRelease.destroyed());
        System.out.flush();
    }

    /** glibc's bytes in use (taken from the system minus free in its arenas), by {@code jcmd}; -1 if unknown. */
    private static long mallocInUseKiB() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(ProcessHandle.current().pid()), "System.native_heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            String tail = out.substring(Math.max(0, out.lastIndexOf("</heap>")));
            long current = number(tail, "<system type=\"current\" size=\"(\\d+)\"");
            long fast = number(tail, "<total type=\"fast\" count=\"\\d+\" size=\"(\\d+)\"");
            long rest = number(tail, "<total type=\"rest\" count=\"\\d+\" size=\"(\\d+)\"");
            return (current - fast - rest) / 1024;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not in jcmd's output: " + regex);
        }
        return Long.parseLong(m.group(1));
    }

    private static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Counts received messages down. */
    private record Counting(CountDownLatch latch) implements PeerChannelListener {
        @Override
        public void onMessage(byte[] message) {
            latch.countDown();
        }

        @Override
        public void onClose(String reason) {
        }
    }
}
