package org.compliancerunner.catalog;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Keeps URIs from remote callers away from the machine's own network: every IANA special-purpose address (loopback,
 * link-local with cloud metadata, private, unique-local, shared, reserved, NAT64 and 6to4 ...) and multicast are
 * refused unless configured otherwise. It is the DNS
 * resolver of the connections it guards, so the addresses checked are the addresses connected to: a name that
 * resolves to a public address for the check and to a private one for the connection (DNS rebinding) gets nowhere.
 */
final class PublicAddresses implements DnsResolver {

    /** How names become addresses before they are checked; the system's resolver outside tests. */
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** A refused address: an {@link UnknownHostException}, because that is what a resolver may throw. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final List<String> allowedHosts;
    private final Lookup lookup;

    PublicAddresses(boolean allowPrivate, List<String> allowedHosts, Lookup lookup) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
        this.lookup = lookup;
    }

    /** Refuses what no connection is needed to refuse: a scheme other than http(s), or no host. */
    static void requireHttp(URI uri) throws IngestRefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IngestRefusedException(uri + ": only http(s) URIs can be ingested");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IngestRefusedException(uri + ": the URI names no host");
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.addresses(host);
        if (allowPrivate || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedAddressException(host + " resolves to " + address.getHostAddress()
                        + ", a loopback, link-local or private address (or another special-purpose one); add the host to compliance.media.allowed-hosts "
                        + "or set compliance.media.allow-private-addresses=true to allow it");
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /**
     * True when the address is in none of the IANA special-purpose registries (IPv4 and IPv6, as of 2024) nor
     * multicast: private, shared, loopback, link-local, documentation, benchmarking, reserved, translation and
     * tunnelling ranges all lead somewhere other than the public host the caller named.
     */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isMappedIpv4(bytes)) {
            return false; // ::ffff:0:0/96: an IPv4 address in IPv6 clothing reaches the IPv4 network directly
        }
        return SpecialPurposeRanges.containing(bytes) == null;
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
