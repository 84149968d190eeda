package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksInSubmissionOrderOnAPoolOfManyThreads() {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            serial.execute(() -> ran.add(n));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ran.size() == 10_000);
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 10_000).boxed().toList());
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        SerialExecutor serial = new SerialExecutor(pool);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        serial.execute(() -> ran.add("first"));
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> ran.add("third"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ran.size() == 2);
        assertThat(ran).containsExactly("first", "third");
    }

    @Test
    void dropsTasksOnceThePoolHasStopped() {
        pool.shutdown();
        SerialExecutor serial = new SerialExecutor(pool);
        List<String> ran = new ArrayList<>();
        serial.execute(() -> ran.add("late"));
        assertThat(ran).isEmpty();
    }
}
