package io.p2pviewer.player;

import java.util.List;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.NativeLibraryMappingException;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;

/**
 * Creates vlcj's {@link MediaPlayerFactory} (one libVLC instance) and turns vlcj's failures into
 * clear exceptions: {@link LibVlcNotFoundException} when the native library is missing,
 * {@link LibVlcOptionsException} when libVLC rejects its options.
 */
final class LibVlcFactories {

    /** vlcj's message when libvlc_new returns NULL (an unknown option, a bad value, no plugins). */
    private static final String REJECTED = "Failed to get a new native library instance";

    private LibVlcFactories() {
    }

    /** Creates a factory, finding libVLC with vlcj's standard discovery. */
    static MediaPlayerFactory create(List<String> args) {
        return create(args, new NativeDiscovery());
    }

    /** Creates a factory with the given discovery (null: rely on the JNA library path alone). */
    static MediaPlayerFactory create(List<String> args, NativeDiscovery discovery) {
        try {
            return new MediaPlayerFactory(discovery, args);
        } catch (LinkageError | NativeLibraryMappingException e) {
            throw new LibVlcNotFoundException(e);
        } catch (RuntimeException e) {
            if (REJECTED.equals(e.getMessage())) {
                throw new LibVlcOptionsException(args, e);
            }
            throw e;
        }
    }
}
