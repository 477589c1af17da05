package org.compliancerunner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard against every IANA special-purpose range, each probed at its edges, and public neighbours. */
class PublicAddressesTest {

    @ParameterizedTest(name = "{0} is public: {1}")
    @CsvSource({
            // IPv4 special purpose
            "0.0.0.0, false", "0.255.255.255, false", "10.1.2.3, false", "100.64.0.1, false", "100.127.255.254, false",
            "127.0.0.1, false", "127.255.255.255, false", "169.254.169.254, false", "172.16.0.1, false",
            "172.31.255.255, false", "192.0.0.8, false", "192.0.0.170, false", "192.0.2.1, false",
            "192.0.2.255, false", "192.31.196.1, false", "192.52.193.1, false", "192.88.99.1, false",
            "192.168.1.1, false", "192.175.48.1, false", "198.18.0.1, false", "198.19.255.255, false",
            "198.51.100.7, false", "203.0.113.9, false", "224.0.0.1, false", "239.255.255.250, false",
            "240.0.0.1, false", "250.1.2.3, false", "255.255.255.255, false",
            // IPv4 public neighbours of those ranges
            "8.8.8.8, true", "1.1.1.1, true", "100.63.255.255, true", "100.128.0.0, true", "172.15.255.255, true",
            "172.32.0.0, true", "192.0.1.255, true", "192.0.3.0, true", "198.17.255.255, true", "198.20.0.0, true",
            "223.255.255.255, true", "93.184.216.34, true",
            // IPv6 special purpose
            "::, false", "::1, false", "::7f00:1, false", "::a9fe:a9fe, false", "64:ff9b::a9fe:a9fe, false",
            "64:ff9b::808:808, false", "64:ff9b:1::1, false", "100::1, false", "2001::1, false",
            "2001:0:4136:e378::1, false", "2001:2::1, false", "2001:1ff:ffff::1, false", "2001:db8::1, false",
            "2001:db8:ffff::1, false", "2002:7f00:1::1, false", "2002:a9fe:a9fe::1, false", "2620:4f:8000::1, false",
            "3fff::1, false", "5f00::1, false", "fc00::1, false", "fd12:3456::1, false", "fe80::1, false",
            "febf::1, false", "fec0::1, false", "ff02::1, false", "ff0e::1, false",
            // IPv6 public neighbours
            "2001:200::1, true", "2001:4860:4860::8888, true", "2606:4700:4700::1111, true", "2003::1, true",
            "2620:4f:8001::1, true", "64:ff9c::1, true"})
    void everySpecialPurposeRangeIsRefusedAndItsPublicNeighboursAreNot(String literal, boolean expected)
            throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @Test
    void anIpv4MappedAddressIsRefusedEvenWhenItCarriesAPublicAddress() throws Exception {
        byte[] mapped = HexFormat.of().parseHex("00000000000000000000ffff08080808");
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(PublicAddresses.isPublic(address)).isFalse();
        // as a literal Java turns it into the IPv4 address it carries, which is then judged as such
        assertThat(PublicAddresses.isPublic(InetAddress.getByName("::ffff:127.0.0.1"))).isFalse();
        assertThat(PublicAddresses.isPublic(InetAddress.getByName("::ffff:192.0.2.1"))).isFalse();
    }

    @Test
    void aNameResolvingToAReservedAddressIsRefusedBeforeAnyConnection() {
        PublicAddresses guard = new PublicAddresses(false, List.of(), host -> new InetAddress[] {
                InetAddress.getByName("8.8.8.8"), InetAddress.getByName("198.18.0.1")});

        assertThatThrownBy(() -> guard.resolve("benchmark.example"))
                .isInstanceOf(PublicAddresses.RefusedAddressException.class)
                .hasMessageContaining("198.18.0.1");
    }
}
