package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Health probes for load balancers, and metrics for admins and for this machine: what an operator's
 * Prometheus and orchestrator see.
 */
class OperationsIT extends ApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROXIED = "203.0.113.50";

    @Test
    void healthProbesAnswerAnyoneWithTheStatusAloneAndAdminsWithTheDatabase() {
        ApiClient world = anonymous().forwardedFor(PROXIED);
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Response response = world.get(probe);
            assertThat(response.status()).as(probe + ": " + response).isEqualTo(200);
            assertThat(response.body().get("status").asString()).isEqualTo("UP");
        }
        Response anonymousHealth = world.get("/actuator/health");
        assertThat(anonymousHealth.body().get("status").asString()).isEqualTo("UP");
        assertThat(anonymousHealth.body().has("components"))
                .as("no details for anonymous callers: " + anonymousHealth)
                .isFalse();

        Response readiness = admin().forwardedFor(PROXIED).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("components").get("db").get("status").asString())
                .as("readiness includes the database: " + readiness)
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsShowRequestsReschedulesAndThePoolToAdminsOnly() throws Exception {
        TestUser owner = newUser("olga");
        String key = newProject(owner);
        createTask(owner.api(), key, json("name", "Measure me", "duration", "3d"));

        HttpResponse<String> metrics = prometheus(adminToken());
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{")
                .contains("hikaricp_connections_active{pool=\"gantry\"")
                .containsPattern("gantry_reschedule_seconds_count\\{phase=\"total\"\\} [1-9]")
                .containsPattern("gantry_reschedule_seconds_bucket\\{phase=\"engine\",le=\"");

        Response anonymous = anonymous().forwardedFor(PROXIED).get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.body().get("detail").asString()).contains("system admins");

        HttpResponse<String> member = prometheus(token(owner.email(), owner.password()));
        assertThat(member.statusCode()).as("an ordinary user, from elsewhere").isEqualTo(403);
        assertThat(member.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        Response details = anonymous().forwardedFor(PROXIED).get("/actuator/metrics");
        assertThat(details.status()).isEqualTo(401);
    }

    @Test
    void aRequestMadeOnThisMachineWithoutAProxyReachesTheMetrics() throws Exception {
        HttpResponse<String> local = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                        .header("Accept", "text/plain")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("jvm_memory_used_bytes");

        HttpResponse<String> proxied = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                        .header("Accept", "text/plain")
                        .header("X-Forwarded-For", PROXIED)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.statusCode())
                .as("the same request through a proxy on this machine is not local")
                .isEqualTo(401);
    }

    private String adminToken() {
        return token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** GET /actuator/prometheus as the scraper asks for it (text), from a proxied address. */
    private HttpResponse<String> prometheus(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Accept", "text/plain")
                .header("X-Forwarded-For", PROXIED);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
