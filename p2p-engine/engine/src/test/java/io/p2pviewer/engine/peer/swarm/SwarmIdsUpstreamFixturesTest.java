package io.p2pviewer.engine.peer.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.p2pviewer.engine.playlist.MasterPlaylist;
import io.p2pviewer.engine.playlist.PlaylistParser;
import io.p2pviewer.engine.playlist.Rendition;
import io.p2pviewer.engine.playlist.RenditionType;
import io.p2pviewer.engine.playlist.Variant;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stream indexes, stream swarm ids and info hashes computed by the upstream JavaScript itself: hls.js 1.6.16's
 * playlist parser and level controller, then p2p-media-loader-hlsjs 2.3.1's SegmentManager and core's
 * {@code getStreamSwarmId} / {@code getStreamHash}, for the master playlists below at
 * {@code http://127.0.0.1:18080/<name>/master.m3u8}.
 *
 * <p>Regenerate: see {@code UpstreamWireFixtures} in the protocol tests ({@code node gen-upstream-fixtures.mjs}, the
 * {@code stream ...} lines).
 */
class SwarmIdsUpstreamFixturesTest {

    static final Map<String, String> MASTERS = Map.of(
            "stream", """
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-INDEPENDENT-SEGMENTS
                    #EXT-X-STREAM-INF:BANDWIDTH=992704,AVERAGE-BANDWIDTH=932148,RESOLUTION=640x360,FRAME-RATE=25.000,CODECS="avc1.64001e,mp4a.40.2"
                    360p/playlist.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=2824576,AVERAGE-BANDWIDTH=2705133,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2"
                    720p/playlist.m3u8
                    """,
            "demo", """
                    #EXTM3U
                    #EXT-X-VERSION:6
                    #EXT-X-INDEPENDENT-SEGMENTS
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="English",LANGUAGE="en-US",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/en.m3u8"
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Deutsch 5.1",LANGUAGE="de",CHANNELS="6/JOC",URI="audio/de.m3u8"
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME=" Commentary ",LANGUAGE="und",URI="audio/c.m3u8"
                    #EXT-X-STREAM-INF:BANDWIDTH=2824576,AVERAGE-BANDWIDTH=2705133,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2",AUDIO="aud"
                    720p.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=640000,RESOLUTION=640x360,CODECS="avc1.66.30,mp4a.40.2",AUDIO="aud"
                    360p.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=5000000,AVERAGE-BANDWIDTH=4000000,RESOLUTION=1920x1080,FRAME-RATE=29.970,CODECS="hvc1.2.4.L123.B0,mp4a.40.2,avc1.640028",VIDEO-RANGE=PQ,AUDIO="aud"
                    1080p.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=0,AVERAGE-BANDWIDTH=0,RESOLUTION=320x180,CODECS="avc1.4d400d,mp4a.40.2",AUDIO="aud"
                    zero.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=0,AVERAGE-BANDWIDTH=96000,CODECS="mp4a.40.2",AUDIO="aud"
                    audio-only.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=0,RESOLUTION=320x180,CODECS="avc1.4d400d",AUDIO="aud"
                    nan.m3u8
                    """,
            "groups", """
                    #EXTM3U
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a1",NAME="",LANGUAGE="FR-ca",URI="fr.m3u8"
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="zz",NAME="Other",URI="o.m3u8"
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a2",NAME="Stereo",CHANNELS="2",URI="s.m3u8"
                    #EXT-X-STREAM-INF:BANDWIDTH=1000000,FRAME-RATE=24,CODECS="avc1.42e01e,mp4a.40.5,ec-3",AUDIO="a1"
                    v1.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=2000000,CODECS="avc1.42e01e,mp4a.40.2",AUDIO="a2"
                    v2.m3u8
                    """,
            "edge", """
                    #EXTM3U
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="nomatch",NAME="\u00dcn\u00efcode N\u00e4me",LANGUAGE="und",CHANNELS="16/JOC",URI="u.m3u8"
                    #EXT-X-STREAM-INF:BANDWIDTH=99999999999999999,RESOLUTION=3840x2160,FRAME-RATE=59.94,CODECS="AVC1.640033,dvh1.05.06,ec-3",VIDEO-RANGE=PQ
                    uhd.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=300000,CODECS="avc1.77.30, mp4a.40.2",FRAME-RATE=30
                    low.m3u8
                    #EXT-X-STREAM-INF:BANDWIDTH=99999999999999999,CODECS="avc1.4d.1f,mp4a.40.2",FRAME-RATE=23.976,VIDEO-RANGE=HLG
                    weird.m3u8
                    """,
            "unknown", """
                    #EXTM3U
                    #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="g",NAME="x",URI="x.m3u8"
                    #EXT-X-STREAM-INF:BANDWIDTH=500000,RESOLUTION=1x1,CODECS="AVC1.640033,mp4a.40.2/foo",AUDIO="g"
                    a.m3u8
                    """);

    /** {@code stream NAME TYPE PATH index=... hash=...}, in upstream's order. */
    static final String[][] STREAMS = {
            {"stream", "main", "360p/playlist.m3u8", "VaICbUk4EXC65ZRufybh3eV0O84=", "UUiTUs2dbYKLUklj5UUf"},
            {"stream", "main", "720p/playlist.m3u8", "7qQAEteoI6Fdfl37amDnrHvTBGU=", "7qH37gESXzWGIGpfBuuL"},
            {"demo", "main", "720p.m3u8", "7qQAEteoI6Fdfl37amDnrHvTBGU=", "EKt5nqWtfSQ7BK/Xhg9T"},
            {"demo", "main", "360p.m3u8", "8W4kn6oUWgN8T2pYsW4b2pFarbY=", "GEptpeprkqdyKnlsAb/W"},
            {"demo", "main", "1080p.m3u8", "IOVDuuun35Q9KNzCIFlUgNzt90s=", "F3QSH3xqF1KcWnaRH5eR"},
            {"demo", "main", "zero.m3u8", "UYnLxGhQilEV4D0HbCx+kRv0ZF0=", "C37Ds0WxHSuKelB1/RHt"},
            {"demo", "main", "audio-only.m3u8", "JhsmmYjqz9y1ZWKx6dV/Ehz+Dc0=", "mAbuWGGMIBZBRMVFekp6"},
            {"demo", "main", "nan.m3u8", "i5P0FMZye67DW+SV6w2+GorsjCU=", "BQ/IZiODfDSJylOeWeQg"},
            {"demo", "secondary", "audio/en.m3u8", "bdjQ1B4N2yrcTDHyU5j7iDGV9sY=", "ae6X2KnrBX61pDXaCNqr"},
            {"demo", "secondary", "audio/de.m3u8", "pczMpHWjJRtOWGshIdnPnpJ51U8=", "4WidI2uJ3AP+qvrVBrET"},
            {"demo", "secondary", "audio/c.m3u8", "jdPhNc2wpzIxSZmx8+PxH49Q/qw=", "CrfRMG3yKPtxBK31Ss0S"},
            {"groups", "main", "v1.m3u8", "FRD7jdLVGj0z6YUAJphW7ps7y2E=", "oMSsf6jTGYAuu0FqvHWJ"},
            {"groups", "main", "v2.m3u8", "eq6xgTrAjsQB+fkv1cp2qxzCocQ=", "LAawMqDsYTz++10Lki/i"},
            {"groups", "secondary", "fr.m3u8", "JXhXM/MZXqJJwWPBTx1jzinjya0=", "nOvYL0JCEjD/VOMYeW8p"},
            {"groups", "secondary", "o.m3u8", "z7vPaOaL5EXk9vdWEQSrgZlOBvo=", "1kwAeWaLdH6Lyr4OsR63"},
            {"groups", "secondary", "s.m3u8", "6zgJdiiLFVAEVy8P+zwNfA9pvYg=", "swR0Kbhxd1i5pPXFbIVX"},
            {"edge", "main", "low.m3u8", "Ql6MeEPQ1U3dpxCyDiHMxGe+lz4=", "j8vHPuU8CfHsyCrfysER"},
            {"edge", "main", "weird.m3u8", "K8iOYhBWriHigroxszkJEM0gpjA=", "PzGSTBqNkRD7nhcAwyP4"},
            {"edge", "secondary", "u.m3u8", "C8WPmVI5Ud/Oi0e5U333mqY9sXU=", "wt+Q5Mv7JCkVMc3vO5AP"},
            {"unknown", "main", "a.m3u8", "gXTNfFxi5+v3s1GfKhWioxV27mQ=", "T+PkZCsYkMqYuvSTRuqE"},
            {"unknown", "secondary", "x.m3u8", "Cnoy7hQyK75k6eg9INEkZV7oM5U=", "nnk4mC5i+h5OQtXs694M"},
    };

    static Stream<Arguments> upstreamStreams() {
        return Arrays.stream(STREAMS).map(row -> Arguments.of((Object[]) row));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("upstreamStreams")
    void indexSwarmIdAndInfoHashMatchUpstream(String master, String type, String path, String index, String hash)
            throws Exception {
        URI masterUri = URI.create("http://127.0.0.1:18080/" + master + "/master.m3u8");
        MasterPlaylist playlist = PlaylistParser.parseMaster(masterUri, MASTERS.get(master));
        URI streamUri = masterUri.resolve(path);

        String ours;
        StreamType streamType;
        if (type.equals("main")) {
            Variant variant = playlist.variants().stream().filter(v -> v.uri().equals(streamUri)).findFirst()
                    .orElseThrow();
            ours = SwarmIds.variantIndex(variant);
            streamType = StreamType.MAIN;
        } else {
            Rendition audio = playlist.renditions().stream().filter(r -> streamUri.equals(r.uri())).findFirst()
                    .orElseThrow();
            ours = SwarmIds.renditionIndex(audio, playlist.variants());
            streamType = StreamType.SECONDARY;
        }
        String swarm = SwarmIds.streamSwarmId(SwarmIds.baseSwarmId(null, masterUri), streamType, ours);

        assertThat(ours).isEqualTo(index);
        assertThat(swarm).isEqualTo("v2-" + masterUri + "-" + type + "-" + index);
        assertThat(SwarmIds.infoHash(swarm)).isEqualTo(hash);
    }

    @Test
    void everyAudioRenditionAndEveryVariantHlsJsKeepsHasAFixture() throws Exception {
        for (var entry : MASTERS.entrySet()) {
            MasterPlaylist playlist = PlaylistParser.parseMaster(
                    URI.create("http://127.0.0.1:18080/" + entry.getKey() + "/master.m3u8"), entry.getValue());
            long fixtures = Arrays.stream(STREAMS).filter(row -> row[0].equals(entry.getKey())).count();
            long audio = playlist.renditions().stream().filter(r -> r.type() == RenditionType.AUDIO).count();
            // hls.js drops "edge"'s uhd variant: its AVC1 (upper case) codec is unknown and other variants are known
            long variants = playlist.variants().size() - (entry.getKey().equals("edge") ? 1 : 0);
            assertThat(fixtures).as(entry.getKey()).isEqualTo(audio + variants);
        }
    }
}
