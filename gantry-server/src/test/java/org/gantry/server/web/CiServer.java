package org.gantry.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CI server as browser tests need one: it creates a generic webhook over the REST API with a personal
 * token, and posts signed deliveries in Gantry's generic format to it, as a pipeline step would.
 */
final class CiServer {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final String base;
    private final String token;
    private String hookUrl;
    private String secret;

    CiServer(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    /** Creates the project's webhook (the token's owner must be an owner or manager). */
    CiServer connect(String projectKey) {
        JsonNode created = JSON.readTree(api(
                "POST",
                "/api/v1/projects/" + projectKey + "/webhooks",
                "{\"name\":\"CI\",\"provider\":\"generic\"}",
                201));
        hookUrl = created.get("webhook").get("url").asString();
        secret = created.get("secret").asString();
        return this;
    }

    /** A REST call with the token; returns the body after checking the status. */
    String api(String method, String path, String body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .build();
        return send(request, expected);
    }

    /** A signed delivery of {@code event}; it must be stored. */
    void deliver(String event, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hookUrl))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("X-Gantry-Event", event)
                .header("X-Gantry-Delivery", UUID.randomUUID().toString())
                .header("X-Gantry-Signature", "sha256=" + hmac(secret, body))
                .build();
        assertThat(send(request, 200)).contains("\"stored\"");
    }

    private static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
