package org.gantry.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTests {

    private final ClientAddresses addresses = new ClientAddresses("127.0.0.1, ::1, 10.0.0.0/8");

    @Test
    void aDirectClientIsItsOwnAddressWhateverHeaderItSends() {
        assertThat(addresses.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyIsBelievedAboutTheClientItForwards() {
        assertThat(addresses.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(addresses.of(request("10.1.2.3", "198.51.100.2"))).isEqualTo("198.51.100.2");
    }

    @Test
    void theHeaderIsReadFromTheRightSoAClientCannotPrependAnAddressOfItsChoice() {
        // The client sent "X-Forwarded-For: 192.0.2.66"; the proxy appended the address it saw.
        assertThat(addresses.of(request("127.0.0.1", "192.0.2.66, 198.51.100.3")))
                .isEqualTo("198.51.100.3");
        // Two trusted proxies in a row: the first untrusted hop from the right is the client.
        assertThat(addresses.of(request("127.0.0.1", "198.51.100.4, 10.0.0.7"))).isEqualTo("198.51.100.4");
    }

    @Test
    void garbageInTheHeaderFallsBackToTheLastAddressVouchedFor() {
        assertThat(addresses.of(request("127.0.0.1", "evil.example, <script>"))).isEqualTo("127.0.0.1");
        assertThat(addresses.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    @Test
    void withNoTrustedProxiesTheHeaderIsNeverBelieved() {
        ClientAddresses none = new ClientAddresses("");
        assertThat(none.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
