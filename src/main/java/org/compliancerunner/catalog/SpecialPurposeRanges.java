package org.compliancerunner.catalog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates), plus multicast: address ranges
 * that are not an ordinary public host. Entries the registry marks "globally reachable" (AS112, AMT, 6to4 relays,
 * NAT64) are listed too, because a download has no business with any of them either.
 */
final class SpecialPurposeRanges {

    /** One CIDR block. */
    record Range(String cidr, byte[] network, int prefix) {

        static Range of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // literals only: getByName does no lookup for them
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Range(cidr, network, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    static final List<Range> RANGES = List.of(
            // IPv4
            "0.0.0.0/8",            // this network
            "10.0.0.0/8",           // private
            "100.64.0.0/10",        // shared address space (carrier-grade NAT)
            "127.0.0.0/8",          // loopback
            "169.254.0.0/16",       // link-local, cloud metadata
            "172.16.0.0/12",        // private
            "192.0.0.0/24",         // IETF protocol assignments (DS-Lite, NAT64 discovery, ...)
            "192.0.2.0/24",         // documentation TEST-NET-1
            "192.31.196.0/24",      // AS112-v4
            "192.52.193.0/24",      // AMT
            "192.88.99.0/24",       // 6to4 relay anycast (deprecated)
            "192.168.0.0/16",       // private
            "192.175.48.0/24",      // direct delegation AS112
            "198.18.0.0/15",        // benchmarking
            "198.51.100.0/24",      // documentation TEST-NET-2
            "203.0.113.0/24",       // documentation TEST-NET-3
            "224.0.0.0/4",          // multicast
            "240.0.0.0/4",          // reserved, 255.255.255.255 limited broadcast included
            // IPv6
            "::/96",                // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d
            "64:ff9b::/96",         // NAT64 well-known prefix: reaches any IPv4 address, private ones included
            "64:ff9b:1::/48",       // local-use IPv4/IPv6 translation
            "100::/64",             // discard-only
            "2001::/23",            // IETF protocol assignments: Teredo, benchmarking, ORCHID, AMT, ...
            "2001:db8::/32",        // documentation
            "2002::/16",            // 6to4: embeds an IPv4 address
            "2620:4f:8000::/48",    // direct delegation AS112
            "3fff::/20",            // documentation
            "5f00::/16",            // segment routing (SRv6) SIDs
            "fc00::/7",             // unique local
            "fe80::/10",            // link-local
            "fec0::/10",            // site-local (deprecated)
            "ff00::/8")             // multicast
            .stream().map(Range::of).toList();

    private SpecialPurposeRanges() {
    }

    /** The range the address (4 or 16 bytes) lies in; null when it is in none. */
    static @Nullable Range containing(byte[] address) {
        for (Range range : RANGES) {
            if (range.contains(address)) {
                return range;
            }
        }
        return null;
    }
}
