package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.peer.transport.InMemoryNetwork;
import io.p2pviewer.engine.peer.transport.LinkModel;
import io.p2pviewer.engine.time.FakeTaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker model of the in-memory signalling: peers per announce, connect delay, re-announce, NAT. */
class InMemorySignallingTest {
    private static final String HASH = "01234567890123456789";
    private final FakeTaskScheduler scheduler = new FakeTaskScheduler();
    private final List<String> connections = new ArrayList<>();

    private List<SwarmSignalling> join(InMemorySignalling signalling, InMemoryNetwork network, int members) {
        List<SwarmSignalling> out = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String id = String.format("-PV0100-%012d", i);
            SwarmSignalling s = signalling.factory(network.transport("t" + i)).create(HASH, id,
                    (remote, channel) -> connections.add(id.substring(14) + "<-" + remote.substring(14)));
            s.start();
            out.add(s);
        }
        return out;
    }

    @Test
    void eachAnnounceConnectsToAFewRandomPeersAfterTheConnectDelayAndAgainAtTheNextInterval() {
        var tracker = new InMemorySignalling.Tracker(2, Duration.ofSeconds(120), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 7);
        InMemorySignalling signalling = new InMemorySignalling(scheduler, tracker);
        InMemoryNetwork network = new InMemoryNetwork(scheduler::execute);
        join(signalling, network, 10);
        scheduler.advance(Duration.ofMillis(999));
        assertThat(connections).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        // member k pairs with min(k, 2) earlier members (the first finds nobody); each pair gives two channels
        int firstRound = connections.size();
        assertThat(firstRound).isEqualTo(2 * (1 + 2 * 8));
        scheduler.advance(Duration.ofSeconds(120));
        assertThat(connections.size()).isGreaterThan(firstRound).isLessThanOrEqualTo(firstRound + 2 * 2 * 10);
    }

    @Test
    void askingForMorePeersAnnouncesAtOnceToPeersNotPairedRecently() {
        var tracker = new InMemorySignalling.Tracker(2, Duration.ofSeconds(120), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 7);
        InMemorySignalling signalling = new InMemorySignalling(scheduler, tracker);
        List<SwarmSignalling> members = join(signalling, new InMemoryNetwork(scheduler::execute), 10);
        scheduler.advance(Duration.ofSeconds(5));
        int firstRound = connections.size();
        members.get(0).morePeers(9);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(connections).as("connected to all 9 others already: no announce").hasSize(firstRound);
        members.get(0).morePeers(2); // the first member found nobody when it joined
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(connections.size() - firstRound).as("two new pairs, two channels each").isEqualTo(4);
        assertThat(connections.subList(firstRound, connections.size()))
                .filteredOn(c -> c.startsWith("000000<-")).hasSize(2);
    }

    @Test
    void twoPeersThatCannotReachEachOtherNeverConnect() {
        LinkModel noRoute = new LinkModel() {
            @Override
            public Pipe open(String from, String to) {
                return LinkModel.immediate(scheduler::execute).open(from, to);
            }

            @Override
            public boolean reachable(String offerer, String answerer) {
                return false;
            }
        };
        InMemorySignalling signalling = new InMemorySignalling(scheduler, new InMemorySignalling.Tracker(5,
                Duration.ofSeconds(120), Duration.ZERO, Duration.ZERO, 1));
        join(signalling, new InMemoryNetwork(scheduler::execute, noRoute), 3);
        scheduler.advance(Duration.ofSeconds(300));
        assertThat(connections).isEmpty();
    }

    @Test
    void withoutATrackerModelEveryoneConnectsAtOnceToEveryoneBefore() {
        InMemorySignalling signalling = new InMemorySignalling();
        join(signalling, new InMemoryNetwork(scheduler::execute), 4);
        scheduler.runUntilIdle();
        assertThat(connections).hasSize(2 * 6);
    }
}
