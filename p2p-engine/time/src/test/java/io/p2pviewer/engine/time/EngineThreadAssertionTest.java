package io.p2pviewer.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineThreadAssertionTest {

    @Test
    void theTestsRunWithAssertionsOn() {
        assertThat(TaskScheduler.Assertions.ON).isTrue();
    }

    @Test
    void offTheEngineThreadTheCheckThrowsAndNamesTheCallersThread() throws Exception {
        try (ExecutorTaskScheduler engine = new ExecutorTaskScheduler("engine-under-test", Clock.systemUTC())) {
            assertThatThrownBy(engine::assertCurrentThread).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("'" + Thread.currentThread().getName() + "'");

            CompletableFuture<Throwable> onEngine = new CompletableFuture<>();
            engine.execute(() -> {
                try {
                    engine.assertCurrentThread();
                    onEngine.complete(null);
                } catch (Throwable t) {
                    onEngine.complete(t);
                }
            });
            assertThat(onEngine.get(5, TimeUnit.SECONDS)).isNull();
        }
    }
}
