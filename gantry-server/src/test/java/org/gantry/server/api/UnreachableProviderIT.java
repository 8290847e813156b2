package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A server configured with an OpenID Connect provider that cannot be reached (nothing listens on
 * port 9): it starts, its login page offers the provider and passwords, "Sign in with ..." comes back
 * to the login page with a message instead of an error, and passwords keep working.
 */
@TestPropertySource(
        properties = {
            "gantry.oidc.issuer=http://127.0.0.1:9/realms/acme",
            "gantry.oidc.client-id=gantry",
            "gantry.oidc.client-secret=secret",
            "gantry.oidc.name=Acme Login"
        })
// A server of its own (configured with a provider): closed after this class, not kept for the JVM.
@DirtiesContext
class UnreachableProviderIT extends ApiIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginPageExplainsAnUnreachableProviderAndPasswordsStillWork() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in with Acme Login", "name=\"password\"");

        HttpResponse<String> start = get("/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login?ssoUnavailable");
        HttpResponse<String> explained = get("/login?ssoUnavailable");
        assertThat(explained.body()).contains("is not available right now", "sign in with your password");

        assertThat(token(ADMIN_EMAIL, ADMIN_PASSWORD)).startsWith("gty_");
        assertThat(new ApiClient(baseUrl(), token(ADMIN_EMAIL, ADMIN_PASSWORD))
                        .get("/api/v1/admin/sign-in")
                        .body()
                        .get("provider")
                        .get("name")
                        .asString())
                .isEqualTo("Acme Login");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
