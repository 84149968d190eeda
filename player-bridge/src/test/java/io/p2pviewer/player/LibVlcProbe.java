package io.p2pviewer.player;

import java.util.List;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.factory.discovery.strategy.NativeDiscoveryStrategy;

/**
 * A main run in a child JVM by {@link LibVlcNotFoundIT}: creates a libVLC instance with a discovery
 * that finds nothing, prints the outcome on one line and exits (0: created, 3: our exception, 4: other).
 */
final class LibVlcProbe {

    private LibVlcProbe() {
    }

    public static void main(String[] args) {
        try {
            MediaPlayerFactory factory = LibVlcFactories.create(List.of("--quiet"), new NativeDiscovery(new FindsNothing()));
            factory.release();
            System.out.println("CREATED");
            System.exit(0);
        } catch (PlayerBridgeException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(3);
        } catch (Throwable t) {
            System.out.println("UNEXPECTED " + t);
            System.exit(4);
        }
    }

    /** A discovery strategy for a machine without libVLC. */
    private static final class FindsNothing implements NativeDiscoveryStrategy {
        @Override
        public boolean supported() {
            return true;
        }

        @Override
        public String discover() {
            return null;
        }

        @Override
        public boolean onFound(String path) {
            return false;
        }

        @Override
        public boolean onSetPluginPath(String path) {
            return false;
        }
    }
}
