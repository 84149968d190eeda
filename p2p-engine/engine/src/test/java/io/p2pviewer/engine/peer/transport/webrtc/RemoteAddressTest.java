package io.p2pviewer.engine.peer.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteAddressTest {
    private static final String SDP = """
            v=0\r
            o=- 1 2 IN IP4 127.0.0.1\r
            c=IN IP4 0.0.0.0\r
            a=candidate:1 1 udp 2122260223 10.200.3.2 50000 typ host generation 0\r
            a=candidate:2 1 tcp 1518280447 10.200.3.2 9 typ host tcptype active\r
            """;

    @Test
    void masksTheFirstCandidatesIpv4Address() {
        assertThat(RemoteAddress.fromSdp(SDP, false)).isEqualTo("10.200.x.x");
    }

    @Test
    void onlyPublicAddressesKeyThePerAddressLimit() {
        assertThat(RemoteAddress.hostOf(SDP)).as("10.200.3.2 is private: not limited").isEmpty();
        assertThat(RemoteAddress.hostOf(SDP.replace("10.200.3.2", "203.0.113.7"))).isEqualTo("203.0.113.7");
        for (String shared : new String[] {"192.168.1.2", "172.16.0.9", "100.64.1.1", "127.0.0.1", "169.254.1.1",
                "fd00::1", "fe80::1", "::1", "abc.local", "example.com"}) {
            assertThat(RemoteAddress.isPublicLiteral(shared)).as(shared).isFalse();
        }
        assertThat(RemoteAddress.isPublicLiteral("2001:4860::8888")).isTrue();
    }

    @Test
    void revealsItWhenAsked() {
        assertThat(RemoteAddress.fromSdp(SDP, true)).isEqualTo("10.200.3.2");
    }

    @Test
    void masksIpv6AndMdnsNames() {
        assertThat(RemoteAddress.mask("2001:db8:1:2::5")).isEqualTo("2001:db8:x:x");
        assertThat(RemoteAddress.mask("3f1c2a9e-1111-2222-3333-444455556666.local")).isEqualTo("mdns");
    }

    @Test
    void saysUnknownWithoutCandidates() {
        assertThat(RemoteAddress.fromSdp("v=0\r\nc=IN IP4 0.0.0.0\r\n", false)).isEqualTo(RemoteAddress.UNKNOWN);
        assertThat(RemoteAddress.fromSdp(null, false)).isEqualTo(RemoteAddress.UNKNOWN);
        assertThat(RemoteAddress.mask("garbage")).isEqualTo(RemoteAddress.UNKNOWN);
    }
}
