package org.compliancerunner.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who counts as one client for the limits of requests without a token. An IPv6 host usually holds a whole /64 and can
 * send from any of its 2^64 addresses, so an IPv6 client is its /64; an IPv4 client is its address.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal from the servlet container: no lookup happens
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return address.getHostAddress(); // ::ffff:a.b.c.d came as IPv4 and counts as that address
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
