package io.p2pviewer.engine.peer.transport.webrtc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebRTC endpoint in its own JVM, driven by a test through stdin (one command per line) and reporting through
 * stdout lines starting with "@@ " (see {@link TestPeerProcess}). Argument: "transport" (our
 * {@link WebRtcPeerTransport}) or "raw" (webrtc-java used directly, the benchmark's baseline).
 *
 * <p>Commands: offer, answer B64, accept B64, expect COUNT, send TOTALBYTES SIZE, ping, exit; transport only:
 * oversize, close, cancelled-offer, gathering-timeout. End of input is exit. The main thread returns after exit:
 * the JVM then ends only if nothing native keeps it alive, which the tests check through the exit code.
 */
public final class TestPeerMain {
    static final ReceiveTally TALLY = new ReceiveTally();

    private TestPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        TestEndpoint endpoint = switch (args.length == 0 ? "" : args[0]) {
            case "transport" -> new TransportTestEndpoint();
            case "raw" -> new RawTestEndpoint();
            default -> throw new IllegalArgumentException("usage: TestPeerMain transport|raw");
        };
        event("ready", args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            try {
                switch (w[0]) {
                    case "offer" -> endpoint.offer();
                    case "answer" -> endpoint.answer(decode(w[1]));
                    case "accept" -> endpoint.accept(decode(w[1]));
                    case "expect" -> TALLY.expect(Long.parseLong(w[1]));
                    case "send" -> endpoint.send(TestPayload.messages(Long.parseLong(w[1]), Integer.parseInt(w[2])));
                    case "exit" -> {
                        endpoint.exit();
                        event("exiting");
                        return;
                    }
                    default -> {
                        if (!endpoint.command(w)) {
                            event("unknown", line);
                        }
                    }
                }
            } catch (Exception e) {
                event("error", w[0], String.valueOf(e).replace('\n', ' '));
            }
        }
        endpoint.exit();
        event("exiting");
    }

    /** Prints one "@@ name args" line and flushes it. */
    static synchronized void event(String name, Object... args) {
        StringBuilder sb = new StringBuilder("@@ ").append(name);
        for (Object a : args) {
            sb.append(' ').append(a);
        }
        System.out.println(sb);
        System.out.flush();
    }

    static String encode(String sdp) {
        return Base64.getEncoder().encodeToString(sdp.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}
