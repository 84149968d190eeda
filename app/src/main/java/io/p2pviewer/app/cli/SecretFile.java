package io.p2pviewer.app.cli;

import io.p2pviewer.engine.peer.tracker.JoinTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The operator's join-token secret, read from a file: its bytes, without trailing line breaks or spaces (so both
 * {@code head -c 32 /dev/urandom > FILE} and {@code openssl rand -hex 32 > FILE} work).
 */
final class SecretFile {
    private static final long MAX_BYTES = 4096;

    private SecretFile() {
    }

    /**
     * @throws IllegalArgumentException one line naming the file and the problem (missing, unreadable, too short
     *     or too long); it never contains the secret
     */
    static byte[] read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("the token secret file " + file + " is over " + MAX_BYTES
                        + " bytes: is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the token secret file " + file + " does not exist (make one with: "
                    + "openssl rand -hex 32 > " + file + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the token secret file " + file + ": " + e.getMessage());
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ')) {
            end--;
        }
        if (end < JoinTokens.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret in " + file + " is " + end + " bytes; it needs at "
                    + "least " + JoinTokens.MIN_SECRET_BYTES + " (make one with: openssl rand -hex 32 > " + file + ")");
        }
        return Arrays.copyOf(bytes, end);
    }
}
