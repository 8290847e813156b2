package org.gantry.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address of the person behind a request. {@code X-Forwarded-For} is honoured only when the
 * request comes from a configured trusted proxy ({@code gantry.login.trusted-proxies}: addresses or
 * CIDR ranges), and then read from the right, skipping further trusted proxies, so a client cannot
 * choose its own address by sending the header itself.
 */
@Component
public class ClientAddresses {

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddresses(@Value("${gantry.login.trusted-proxies:127.0.0.1,::1}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!isTrusted(address)) {
            return address;
        }
        List<String> forwarded = request.getHeaders("X-Forwarded-For") == null
                ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")).stream()
                        .flatMap(header -> Arrays.stream(header.split(",")))
                        .map(String::strip)
                        .filter(hop -> !hop.isEmpty())
                        .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            if (!isAddress(hop)) {
                // Garbage in the header: stop at the last hop we can vouch for.
                return address;
            }
            address = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return address;
    }

    /**
     * Whether the client reached us over HTTPS: this connection is TLS, or a trusted reverse proxy that
     * terminated TLS says so in X-Forwarded-Proto (anyone else could claim it).
     */
    boolean overHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null
                && "https".equalsIgnoreCase(proto.split(",")[0].strip())
                && isTrusted(request.getRemoteAddr());
    }

    private boolean isTrusted(String address) {
        if (!isAddress(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4 or IPv6 literal (never a host name: matching one would mean a DNS lookup). */
    private static boolean isAddress(String text) {
        return text != null
                && text.length() <= 45
                && !text.isEmpty()
                && (text.matches("[0-9.]+") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+")));
    }
}
