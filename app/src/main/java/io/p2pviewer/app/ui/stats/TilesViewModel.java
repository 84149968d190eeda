package io.p2pviewer.app.ui.stats;

import io.p2pviewer.app.ui.Format;
import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.EngineSnapshot;
import io.p2pviewer.engine.peer.swarm.PeerInfo;
import io.p2pviewer.player.PlayerState;
import io.p2pviewer.player.PlayerStats;
import io.p2pviewer.player.PlayerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The tile row: offload, peers connected, buffer ahead, variant and bitrate, stalls, upload rate. Updated once a
 * second from a {@link StatsSample}; FX thread only.
 */
public final class TilesViewModel {
    /** Below this buffer ahead (seconds, while playing) the buffer tile warns. */
    static final double LOW_BUFFER_SECONDS = 2.0;

    private final Tile offload = new Tile("offload", "Offload");
    private final Tile peers = new Tile("peers", "Peers");
    private final Tile buffer = new Tile("buffer", "Buffer ahead");
    private final Tile variant = new Tile("variant", "Variant");
    private final Tile stalls = new Tile("stalls", "Stalls");
    private final Tile upload = new Tile("upload", "Upload");

    public List<Tile> tiles() {
        return List.of(offload, peers, buffer, variant, stalls, upload);
    }

    /** Shows the sample; engine tiles show "–" while no stream is open. */
    public void update(StatsSample sample) {
        stalls.show(Integer.toString(sample.stalls()), sample.stalls() == 0 ? "none"
                : String.format(Locale.ROOT, "%.1f s in total", sample.stallTime().toMillis() / 1000.0),
                sample.stalls() > 0);
        EngineSnapshot e = sample.engine();
        if (e == null) {
            for (Tile t : List.of(offload, peers, buffer, variant, upload)) {
                t.clear();
            }
            return;
        }
        OptionalDouble share = offload(e);
        long peerBytes = e.source(DeliverySource.PEER).servedBytes();
        offload.show(share.isEmpty() ? CounterGroup.NONE : percent(share.getAsDouble()),
                share.isEmpty() ? "nothing served yet"
                        : Format.bytes(peerBytes) + " of " + Format.bytes(servedBytes(e)), false);
        peers.show(Long.toString(e.peers().stream().filter(PeerInfo::connected).count()), peersDetail(e), false);
        boolean playing = sample.player().state() == PlayerState.PLAYING;
        buffer.show(Format.seconds(e.bufferAheadSeconds()), "missed deadlines: " + e.missedDeadlines(),
                playing && e.bufferAheadSeconds() < LOW_BUFFER_SECONDS);
        variant.show(e.currentVariant().isEmpty() ? CounterGroup.NONE : e.currentVariant(),
                variantDetail(sample.player(), sample.playerStats()), false);
        upload.show(Format.rate(e.uploadRate()), Format.bytes(e.uploadedBytes()) + " sent", false);
    }

    /** Share of served bytes that came from peers: P2P / (P2P + CDN + FALLBACK); empty while nothing was served. */
    public static OptionalDouble offload(EngineSnapshot e) {
        long total = servedBytes(e);
        return total == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) e.source(DeliverySource.PEER).servedBytes() / total);
    }

    /** "42 %". */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** "720p · 2.7 Mbit/s" (libVLC's demux bitrate), or just the variant while libVLC reports no bitrate. */
    public static String variantWithBitrate(String variant, PlayerStats stats) {
        String name = variant == null || variant.isEmpty() ? CounterGroup.NONE : variant;
        return stats.demuxKbps() > 0 ? name + " · " + Format.rate(stats.demuxKbps() * 125) : name;
    }

    private static long servedBytes(EngineSnapshot e) {
        long total = 0;
        for (DeliverySource s : DeliverySource.values()) {
            total += e.source(s).servedBytes();
        }
        return total;
    }

    private static String peersDetail(EngineSnapshot e) {
        long left = e.peers().stream().filter(p -> !p.connected() && !PeerRow.isBan(p.closeReason())).count();
        long banned = Math.max(e.bannedPeers(), e.peers().stream().filter(p -> PeerRow.isBan(p.closeReason())).count());
        if (e.peers().isEmpty() && banned == 0) {
            return "none yet";
        }
        List<String> parts = new ArrayList<>();
        if (left > 0) {
            parts.add(left + " left");
        }
        if (banned > 0) {
            parts.add(banned + " banned");
        }
        return parts.isEmpty() ? "all connected" : String.join(" · ", parts);
    }

    /** libVLC's demux bitrate; the picture size while it reports none. */
    private static String variantDetail(PlayerStatus player, PlayerStats stats) {
        if (stats.demuxKbps() > 0) {
            return Format.rate(stats.demuxKbps() * 125);
        }
        return player.videoWidth() > 0 ? player.videoWidth() + "×" + player.videoHeight() : "";
    }
}
