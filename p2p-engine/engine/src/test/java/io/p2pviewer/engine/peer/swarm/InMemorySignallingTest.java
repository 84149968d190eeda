package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.testing.FakeTaskScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory signalling of tests: everyone connects at once to everyone before; a left member is not offered. */
class InMemorySignallingTest {
    private static final String HASH = "01234567890123456789";
    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final List<String> connections = new ArrayList<>();

    private List<SwarmSignalling> join(InMemorySignalling signalling, InMemoryNetwork network, int from, int to) {
        List<SwarmSignalling> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = String.format("-PV0100-%012d", i);
            SwarmSignalling s = signalling.factory(network.transport("t" + i)).create(HASH, id,
                    (remote, channel) -> connections.add(id.substring(14) + "<-" + remote.substring(14)));
            s.start();
            out.add(s);
        }
        return out;
    }

    @Test
    void everyoneConnectsAtOnceToEveryoneBeforeButNotToAMemberThatLeft() {
        InMemorySignalling signalling = new InMemorySignalling();
        InMemoryNetwork network = new InMemoryNetwork(scheduler::execute);
        List<SwarmSignalling> first = join(signalling, network, 0, 4);
        scheduler.runUntilIdle();
        assertThat(connections).hasSize(2 * 6);
        first.get(0).close();
        join(signalling, network, 4, 5);
        scheduler.runUntilIdle();
        assertThat(connections.subList(12, connections.size())).containsExactlyInAnyOrder(
                "000001<-000004", "000004<-000001", "000002<-000004", "000004<-000002", "000003<-000004",
                "000004<-000003");
    }
}
