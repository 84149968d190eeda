package io.p2pviewer.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p2pviewer.engine.peer.transport.webrtc.IceServer;
import io.p2pviewer.engine.peer.transport.webrtc.WebRtcTransportConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IceServersFileTest {
    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("ice.json"), json);
    }

    @Test
    void readsTheBrowsersRtcIceServerShape() throws IOException {
        List<IceServer> servers = IceServersFile.read(file("""
                [{"urls": ["stun:198.51.100.1:3478"]},
                 {"urls": "turn:198.51.100.1:3478?transport=udp", "username": "u", "credential": "p",
                  "credentialType": "password"}]"""));
        assertThat(servers).containsExactly(IceServer.of("stun:198.51.100.1:3478"),
                new IceServer(List.of("turn:198.51.100.1:3478?transport=udp"), "u", "p"));
        assertThat(servers.toString()).doesNotContain("\"p\"").doesNotContain(" u ");
    }

    @Test
    void errorsAreOneLineNamingTheFileAndNeverTheCredential() throws IOException {
        assertThatThrownBy(() -> IceServersFile.read(dir.resolve("missing.json")))
                .hasMessage("--ice-servers " + dir.resolve("missing.json") + ": no such file");
        for (String bad : List.of("{\"urls\": 1", "[{\"urls\": []}]", "[{\"username\": \"u\"}]",
                "[{\"urls\": \"http://x\", \"credential\": \"hunter2\"}]",
                "[{\"urls\": \"turn:x:3478\", \"credential\": \"hunter2\"}]", "null",
                "[{\"urls\": \"turn:x:3478?transport=udp&hunter2\", \"username\": \"u\", \"credential\": \"p\"}]")) {
            Path f = file(bad);
            assertThatThrownBy(() -> IceServersFile.read(f)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--ice-servers " + f + ":")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("hunter2"));
        }
    }

    @Test
    void optionsBuildTheTransportConfigAndRelayOnlyNeedsTurn() throws IOException {
        Path turn = file("[{\"urls\": \"turn:198.51.100.1:3478\", \"username\": \"u\", \"credential\": \"p\"}]");
        P2pOptions o = new P2pOptions();
        new CommandLine(new Holder(o)).parseArgs("--ice-servers", turn.toString(), "--relay-only");
        WebRtcTransportConfig c = o.webRtcConfig();
        assertThat(c.relayOnly()).isTrue();
        assertThat(c.iceServers()).hasSize(1);

        P2pOptions stunOnly = new P2pOptions();
        Path stun = Files.writeString(dir.resolve("stun.json"), "[{\"urls\": \"stun:198.51.100.1:3478\"}]");
        new CommandLine(new Holder(stunOnly)).parseArgs("--ice-servers", stun.toString(), "--relay-only");
        assertThatThrownBy(stunOnly::validate).hasMessageContaining("--relay-only needs a TURN server");
        assertThat(new P2pOptions().webRtcConfig()).isEqualTo(WebRtcTransportConfig.defaults());
    }

    /** A command holding the options as the real commands do (picocli mixin). */
    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        final P2pOptions p2p;

        Holder(P2pOptions p2p) {
            this.p2p = p2p;
        }
    }
}
