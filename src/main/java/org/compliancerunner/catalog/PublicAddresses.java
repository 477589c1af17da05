package org.compliancerunner.catalog;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps URIs from remote callers away from the machine's own network: loopback, link-local (cloud metadata),
 * private, unique-local, multicast and wildcard addresses are refused unless configured otherwise.
 */
final class PublicAddresses {

    private final boolean allowPrivate;
    private final List<String> allowedHosts;

    PublicAddresses(boolean allowPrivate, List<String> allowedHosts) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    void require(URI uri) throws IngestRefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IngestRefusedException(uri + ": only http(s) URIs can be ingested");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IngestRefusedException(uri + ": the URI names no host");
        }
        if (allowPrivate || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IngestRefusedException(uri + ": unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IngestRefusedException(uri + ": " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, link-local or private address; add the host to compliance.media.allowed-hosts "
                        + "or set compliance.media.allow-private-addresses=true to allow it");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d is judged as the IPv4 address it carries
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            if (isMappedIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 carrier-grade NAT and 0.0.0.0/8 are not the public internet either
        return !(first == 100 && second >= 64 && second < 128) && first != 0;
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
