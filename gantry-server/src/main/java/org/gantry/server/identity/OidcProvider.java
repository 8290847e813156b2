package org.gantry.server.identity;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect provider from {@code GANTRY_OIDC_ISSUER}, {@code GANTRY_OIDC_CLIENT_ID},
 * {@code GANTRY_OIDC_CLIENT_SECRET} and {@code GANTRY_OIDC_NAME}. Its metadata is discovered on first
 * use, not at start, so the server starts (and password sign-in works) while the provider is down;
 * after a failed discovery the next attempt waits 30 seconds rather than hanging every click.
 */
@Component
class OidcProvider implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "oidc";
    private static final Logger log = LoggerFactory.getLogger(OidcProvider.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String name;
    private volatile ClientRegistration registration;
    private volatile Instant lastFailure;

    OidcProvider(
            @Value("${gantry.oidc.issuer:}") String issuer,
            @Value("${gantry.oidc.client-id:}") String clientId,
            @Value("${gantry.oidc.client-secret:}") String clientSecret,
            @Value("${gantry.oidc.name:single sign-on}") String name) {
        this.issuer = issuer.strip();
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret;
        this.name = name.isBlank() ? "single sign-on" : name.strip();
    }

    boolean configured() {
        return !issuer.isEmpty() && !clientId.isEmpty();
    }

    String name() {
        return name;
    }

    String issuer() {
        return issuer;
    }

    /** Null when not configured or the provider cannot be reached now. */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId) || !configured()) {
            return null;
        }
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        Instant failed = lastFailure;
        if (failed != null && failed.plus(RETRY_AFTER).isAfter(Instant.now())) {
            return null;
        }
        synchronized (this) {
            if (registration == null) {
                try {
                    registration = ClientRegistrations.fromIssuerLocation(issuer)
                            .registrationId(REGISTRATION_ID)
                            .clientId(clientId)
                            .clientSecret(clientSecret)
                            .clientName(name)
                            .scope("openid", "email", "profile")
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .build();
                    lastFailure = null;
                    log.info("OpenID Connect provider {} found at {}", name, issuer);
                } catch (RuntimeException e) {
                    lastFailure = Instant.now();
                    log.warn("The OpenID Connect provider at {} cannot be reached: {}", issuer, e.getMessage());
                    return null;
                }
            }
            return registration;
        }
    }
}
