package io.p2pviewer.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.co.caprica.vlcj.log.LogLevel;

class RecentErrorsTest {

    private final RecentErrors errors = new RecentErrors(3);

    @Test
    void repeatsAreFoldedAndMovedToTheEnd() {
        add(1, "main", "a");
        add(2, "main", "b");
        add(3, "main", "a");

        assertThat(errors.snapshot()).containsExactly(
                new LibVlcLogLine(Instant.ofEpochSecond(2), "main", "b", 1),
                new LibVlcLogLine(Instant.ofEpochSecond(3), "main", "a", 2));
    }

    @Test
    void theOldestDistinctLineGoesWhenFull() {
        add(1, "main", "a");
        add(2, "main", "b");
        add(3, "http", "c");
        add(4, "main", "d");

        assertThat(errors.snapshot()).extracting(LibVlcLogLine::message).containsExactly("b", "c", "d");
        assertThat(errors.snapshot().get(1)).hasToString("http: c");
    }

    private void add(long second, String module, String message) {
        errors.add(new NativeLogLine(Instant.ofEpochSecond(second), LogLevel.ERROR, module, message));
    }
}
