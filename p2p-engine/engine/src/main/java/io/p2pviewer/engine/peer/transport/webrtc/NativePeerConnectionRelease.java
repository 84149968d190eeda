package io.p2pviewer.engine.peer.transport.webrtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.internal.NativeObject;
import dev.onvoid.webrtc.internal.RefCountedObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the native peer connection that webrtc-java's {@code RTCPeerConnection.close()} keeps.
 *
 * <p>Why: webrtc-java 0.14.0's JNI takes the connection's only reference when it creates it
 * ({@code scoped_refptr::release()} into the Java handle), and {@code close()} clears the handle without calling
 * {@code Release()}. Every closed connection's native object graph (ports, transports, SCTP buffers: about 60 KiB)
 * then stays for the life of the process (upstream issue 239; fixed on upstream's main by pull request 283, in no
 * release on Maven Central yet). {@link #handleOf} reads the handle before the close, and {@link #release} drops that
 * reference after it through webrtc-java's own {@link RefCountedObject#release()}, which calls
 * {@code RefCountInterface::Release()} on the handle it holds (a {@code PeerConnectionInterface} is one, at the same
 * address). The last reference gone, libwebrtc destroys the connection on its signalling thread.
 *
 * <p>Only for the webrtc-java versions named in {@link #LEAKY_VERSIONS}: a version whose {@code close()} releases
 * the connection itself would be released twice. {@code NativePeerConnectionReleaseTest} fails when the version on
 * the class path is not named, so an upgrade is a decision. {@code bench/connection-churn.sh} measures it
 * (docs/BENCHMARKS.md, Connection churn).
 *
 * <p>Thread-safe; call {@link #release} on a thread that is not libwebrtc's signalling thread, before the
 * connection's factory is disposed.
 */
final class NativePeerConnectionRelease {
    private static final Logger log = LoggerFactory.getLogger(NativePeerConnectionRelease.class);
    /** The webrtc-java versions whose {@code RTCPeerConnection.close()} leaks the native connection. */
    static final Set<String> LEAKY_VERSIONS = Set.of("0.14.0");
    private static final Field HANDLE = handleField();
    private static final boolean ENABLED = HANDLE != null && LEAKY_VERSIONS.contains(webrtcJavaVersion());
    private static final AtomicInteger DESTROYED = new AtomicInteger();

    private NativePeerConnectionRelease() {
    }

    /** Whether closed connections are released here: a leaky version, and its handle readable. */
    static boolean enabled() {
        return ENABLED;
    }

    /** The connection's native handle (read before {@code close()}, which clears it); 0 when not released here. */
    static long handleOf(RTCPeerConnection pc) {
        if (!ENABLED) {
            return 0;
        }
        try {
            return HANDLE.getLong(pc);
        } catch (IllegalAccessException e) {
            return 0;
        }
    }

    /**
     * Drops the reference webrtc-java's {@code close()} kept, for a handle {@link #handleOf} read before that close;
     * does nothing for 0. Call once per handle.
     *
     * @return true when that was the last reference: libwebrtc destroyed the connection
     */
    static boolean release(long handle) {
        if (handle == 0) {
            return false;
        }
        Reference r = new Reference();
        try {
            HANDLE.setLong(r, handle);
            r.release();
            // webrtc-java clears the handle when Release() reports the last reference dropped
            boolean destroyed = HANDLE.getLong(r) == 0;
            if (destroyed) {
                DESTROYED.incrementAndGet();
            }
            return destroyed;
        } catch (IllegalAccessException | RuntimeException e) {
            log.debug("native peer connection not released: {}", e.toString());
            return false;
        }
    }

    /** Native peer connections destroyed by {@link #release} in this JVM so far (for probes and diagnostics). */
    static int destroyed() {
        return DESTROYED.get();
    }

    /** The webrtc-java version on the class path, from its Maven metadata; "" when unknown. */
    static String webrtcJavaVersion() {
        try (InputStream in = RTCPeerConnection.class.getResourceAsStream(
                "/META-INF/maven/dev.onvoid.webrtc/webrtc-java/pom.properties")) {
            if (in == null) {
                return "";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }

    private static Field handleField() {
        try {
            Field f = NativeObject.class.getDeclaredField("nativeHandle");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("webrtc-java's native handle is not readable: {}", e.toString());
            return null;
        }
    }

    /** A bare reference to a native ref-counted object: what {@link RefCountedObject#release()} needs. */
    private static final class Reference extends RefCountedObject {
    }
}
