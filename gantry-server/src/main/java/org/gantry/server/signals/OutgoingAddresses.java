package org.gantry.server.signals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where an outgoing webhook may post. A project manager chooses the URL, the server makes the request: left
 * unchecked, that lets anyone who manages a project probe the network the server runs in (server-side
 * request forgery). So, unless a system admin allows it, a URL whose host is, or resolves to, a loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata address,
 * fe80::/10), shared (100.64/10), unspecified or multicast address is refused: when it is saved (names that
 * are addresses, and {@code localhost}) and again before every attempt (what the name resolves to then).
 * Redirects are never followed, so a public address cannot send the request on inward.
 */
final class OutgoingAddresses {
    static final int MAXIMUM_URL = 2000;

    private OutgoingAddresses() {}

    /** Why the URL cannot be used, or null. Checks its form and, for literal addresses, where it points. */
    static String problem(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            return "is required: the address to post to (http:// or https://)";
        }
        if (url.length() > MAXIMUM_URL) {
            return "must be at most " + MAXIMUM_URL + " characters long";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "is not a valid address: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must start with http:// or https://";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host (https://chat.example.com/hooks/...)";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user name or password; put a token in the path instead";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a #fragment";
        }
        if (allowPrivate) {
            return null;
        }
        String host = bare(uri.getHost());
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return refusal(host);
        }
        if (literal(host)) {
            try {
                if (internal(InetAddress.getByName(host))) {
                    return refusal(host);
                }
            } catch (UnknownHostException e) {
                return "is not a valid address";
            }
        }
        return null;
    }

    /** Why the URL's host may not be called now (what it resolves to), or null when it may. */
    static String resolvedProblem(URI uri, boolean allowPrivate) {
        if (allowPrivate) {
            return null;
        }
        String host = bare(uri.getHost());
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (internal(address)) {
                    return "refused: " + host + " resolves to " + address.getHostAddress()
                            + ", an internal address (a system admin can allow internal addresses)";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "could not resolve " + host;
        }
    }

    private static String refusal(String host) {
        return "points to " + host + ", a loopback or internal address, which webhooks may not call;"
                + " a system admin can allow internal addresses (Admin → Outgoing webhooks)";
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An IPv4 or IPv6 address written out (resolving it asks no name server). */
    private static boolean literal(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address it carries.
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
