package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.ServedSegment;
import io.p2pviewer.engine.SourceStats;
import io.p2pviewer.engine.StreamError;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.player.PlayerState;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds engine snapshots and samples for the view-model tests. */
final class FakeSnapshot {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final PlayerStatus PLAYING = new PlayerStatus(PlayerState.PLAYING, 5000, 0, 100, false, 1280, 720, 125);

    private Instant at = T0;
    private final Map<DeliverySource, SourceStats> sources = new EnumMap<>(DeliverySource.class);
    private String variant = "720p";
    private double buffer = 6.04;
    private final List<StreamError> errors = new ArrayList<>();
    private long uploaded;
    private double uploadRate;
    private final List<PeerInfo> peers = new ArrayList<>();
    private long missed;
    private int banned;

    static FakeSnapshot at(Instant at) {
        FakeSnapshot f = new FakeSnapshot();
        f.at = at;
        return f;
    }

    static FakeSnapshot at(int secondsAfterT0) {
        return at(T0.plusSeconds(secondsAfterT0));
    }

    FakeSnapshot source(DeliverySource s, long downloaded, long served, double rate, long segments) {
        sources.put(s, new SourceStats(downloaded, served, rate, segments));
        return this;
    }

    FakeSnapshot variant(String v) {
        variant = v;
        return this;
    }

    FakeSnapshot buffer(double seconds) {
        buffer = seconds;
        return this;
    }

    FakeSnapshot upload(long bytes, double rate) {
        uploaded = bytes;
        uploadRate = rate;
        return this;
    }

    FakeSnapshot missed(long n) {
        missed = n;
        return this;
    }

    FakeSnapshot banned(int n) {
        banned = n;
        return this;
    }

    FakeSnapshot error(StreamError e) {
        errors.add(e);
        return this;
    }

    FakeSnapshot peer(PeerInfo p) {
        peers.add(p);
        return this;
    }

    static PeerInfo connected(String id, long down, long up, double speed) {
        return new PeerInfo(id, "720p", "10.200.x.x", T0, down, up, speed, true, true, true, null);
    }

    static PeerInfo closed(String id, long down, long up, String reason) {
        return new PeerInfo(id, "720p", "10.201.x.x", T0, down, up, 0, false, false, false, reason);
    }

    static ServedSegment segment(long seq, DeliverySource source, String peer, String verifiedBy) {
        return new ServedSegment(T0.plusSeconds(seq), "720p", seq, source, 1_234_567, "ab".repeat(32), 4.0, peer,
                340, verifiedBy, source == DeliverySource.PEER ? 1_234_567 : 0);
    }

    EngineSnapshot build() {
        return new EngineSnapshot(at, sources, variant, buffer, 6, 1_000_000, 3, errors, uploaded, uploadRate, peers,
                missed, 120, banned);
    }

    StatsSample sample() {
        return sample(build());
    }

    static StatsSample sample(EngineSnapshot e) {
        return new StatsSample(e, PLAYING, PlayerStats.NONE, 0, Duration.ZERO, List.of(), Map.of());
    }

    static StatsSample idle() {
        return new StatsSample(null, PLAYING, PlayerStats.NONE, 0, Duration.ZERO, List.of(), Map.of());
    }
}
