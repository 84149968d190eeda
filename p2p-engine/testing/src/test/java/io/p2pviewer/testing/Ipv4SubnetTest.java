package io.p2pviewer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4SubnetTest {
    @Test
    void parsesAndNamesHosts() {
        Ipv4Subnet s = Ipv4Subnet.parse("10.200.3.77/24");
        assertThat(s).hasToString("10.200.3.0/24");
        assertThat(s.host(1)).isEqualTo("10.200.3.1");
        assertThat(s.host(2)).isEqualTo("10.200.3.2");
    }

    @Test
    void overlapsWhenOneContainsTheOther() {
        Ipv4Subnet s = Ipv4Subnet.parse("10.200.3.0/24");
        assertThat(s.overlaps(Ipv4Subnet.parse("10.200.0.0/16"))).isTrue();
        assertThat(s.overlaps(Ipv4Subnet.parse("10.200.3.9"))).isTrue();
        assertThat(s.overlaps(Ipv4Subnet.parse("0.0.0.0/0"))).isTrue();
        assertThat(s.overlaps(Ipv4Subnet.parse("10.200.4.0/24"))).isFalse();
        assertThat(s.overlaps(Ipv4Subnet.parse("192.0.2.2/24"))).isFalse();
    }

    @Test
    void rejectsWhatIsNotAnIpv4Prefix() {
        assertThatThrownBy(() -> Ipv4Subnet.parse("10.200.3/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Subnet.parse("10.200.3.256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Subnet.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
