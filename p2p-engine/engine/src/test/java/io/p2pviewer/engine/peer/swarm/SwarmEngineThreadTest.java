package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.time.ExecutorTaskScheduler;
import java.time.Clock;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A swarm's entry points refuse a caller off its engine thread (when assertions are on, as in the tests). */
class SwarmEngineThreadTest extends SwarmSessionFixture {

    @Test
    void aSwarmCalledOffItsEngineThreadFailsAtOnceAndNamesTheThread() throws Exception {
        try (ExecutorTaskScheduler engine = new ExecutorTaskScheduler("swarm-engine", Clock.systemUTC())) {
            Swarm swarm = new Swarm("720p", host, engine, new HashSet<>(), true, 0);

            assertThatThrownBy(() -> swarm.announce(new long[] {1}, new long[0]))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(Thread.currentThread().getName());

            CompletableFuture<Integer> onEngine = new CompletableFuture<>();
            engine.execute(() -> {
                swarm.announce(new long[] {1}, new long[0]);
                swarm.close();
                onEngine.complete(swarm.size());
            });
            assertThat(onEngine.get(5, TimeUnit.SECONDS)).isZero();
        }
    }
}
