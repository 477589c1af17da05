package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The client a request without a token counts as: an IPv6 host is its /64, which it can send from at will. */
class ClientAddressTest {

    @Test
    void everyAddressOfOneIpv6Slash64IsOneClient() {
        String one = ClientAddress.of("2001:db8:1:2:0:0:0:1");

        assertThat(ClientAddress.of("2001:db8:1:2:ffff:eeee:dddd:cccc")).isEqualTo(one);
        assertThat(ClientAddress.of("2001:db8:1:2::abcd")).isEqualTo(one);
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(one);
    }

    @Test
    void ipv4AddressesCountOneByOneAndAMappedOneAsItsIpv4Address() {
        assertThat(ClientAddress.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.of("192.0.2.8")).isNotEqualTo(ClientAddress.of("192.0.2.7"));
        assertThat(ClientAddress.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }
}
