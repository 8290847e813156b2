package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery measures from a scripted history, posted as GitHub posts it: the pushes, deployment statuses
 * and issues of the test resources (webhooks/github), with the times, commits and labels of the script put
 * into them and each delivery signed. Every figure below is worked out by hand from the script.
 *
 * <pre>
 * push   c1 09:00 2 Mar, c2 11:00 2 Mar         D1 c2 success 13:00 2 Mar   (lead c1 4 h, c2 2 h)
 * issue  #20 bug severity:high 09:00 3 Mar      escaped, charged to D1
 * issue  #21 security 10:00 3 Mar
 * push   c3 08:00 4 Mar "fixes #21"             D2 c3 failure 09:00 4 Mar  (a change failure)
 *                                               D3 c3 success 10:00 4 Mar  (lead 2 h; restores D2 in 1 h;
 *                                                                           fixes #21 after 24 h)
 *                                               D1 inactive 10:00 4 Mar    (GitHub's word: D1 still counts)
 * push   c4 09:00 9 Mar                         D4 c4 success 12:00 9 Mar  (lead 3 h)
 * issue  #22 incident 14:00-16:30 9 Mar         restored in 2.5 h
 *                                               D5 c3 success 17:00 9 Mar  (rolls D4 back: D4 failed)
 *                                               staging, pending: not counted
 * issue  #23 bug 09:00 10 Mar                   escaped, charged to D5
 * issue  #24 security 09:00 11 Mar, #25 security severity: critical 1 Feb: open
 * </pre>
 */
class DeliveryMetricsApiIT extends ApiIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String C1 = "c441029cf673f84c8b7db52d0a5944ee5c52ff89";
    private static final String C2 = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static final String C3 = "e5bd3914e2e596debea16f433f57875b5b90bcd6";
    private static final String C4 = "9049f1265b7d61be4a8904a9a27120d2064dab3b";

    record Hook(String url, String secret) {}

    @Test
    void aScriptedHistoryGivesTheDoraAndQualityFiguresWorkedOutByHand() {
        TestUser owner = newUser("dora-owner");
        String project = newKey();
        assertThat(owner.api()
                        .post("/api/v1/projects", json("key", project, "name", "Shop", "timeZone", "UTC"))
                        .status())
                .isEqualTo(201);
        Hook hook = newHook(owner, project);

        push(
                hook,
                commit(C1, "Add the login form", "2026-03-02T10:00:00+01:00"),
                commit(C2, "Validate the e-mail", "2026-03-02T11:00:00Z"));
        deployment(hook, 1, C2, "production", "success", "2026-03-02T13:00:00Z");
        issue(hook, 20, List.of("bug", "severity:high"), "2026-03-03T09:00:00Z", null);
        issue(hook, 21, List.of("security"), "2026-03-03T10:00:00Z", null);
        push(hook, commit(C3, "Escape the password in the log (fixes #21)", "2026-03-04T08:00:00Z"));
        deployment(hook, 2, C3, "production", "failure", "2026-03-04T09:00:00Z");
        String d3 = deployment(hook, 3, C3, "production", "success", "2026-03-04T10:00:00Z");
        deployment(hook, 1, C2, "production", "inactive", "2026-03-04T10:00:00Z");
        push(hook, commit(C4, "Faster search", "2026-03-09T09:00:00Z"));
        deployment(hook, 4, C4, "production", "success", "2026-03-09T12:00:00Z");
        issue(hook, 22, List.of("incident"), "2026-03-09T14:00:00Z", "2026-03-09T16:30:00Z");
        deployment(hook, 5, C3, "production", "success", "2026-03-09T17:00:00Z");
        deployment(hook, 6, C4, "staging", "success", "2026-03-10T08:00:00Z");
        deployment(hook, 7, C4, "production", "pending", "2026-03-12T08:00:00Z");
        issue(hook, 23, List.of("bug"), "2026-03-10T09:00:00Z", null);
        issue(hook, 24, List.of("security"), "2026-03-11T09:00:00Z", null);
        issue(hook, 25, List.of("security", "severity: critical"), "2026-02-01T00:00:00Z", null);
        issue(hook, 26, List.of("bug"), "2026-03-01T00:00:00Z", null);
        // GitHub redelivers D3: stored once, counted once.
        Response replay = github(hook, "deployment_status", d3.split("\n", 2)[0], d3.split("\n", 2)[1]);
        assertThat(replay.body().get("result").asString()).isEqualTo("duplicate");

        Response response =
                owner.api().get("/api/v1/projects/" + project + "/delivery-metrics?from=2026-03-02&to=2026-03-15");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode metrics = response.body();
        assertThat(metrics.get("period").get("days").asLong()).isEqualTo(14);
        assertThat(metrics.get("period").get("environment").asString()).isEqualTo("production");

        JsonNode frequency = metrics.get("deploymentFrequency");
        assertThat(frequency.get("status").asString()).isEqualTo("OK");
        assertThat(frequency.get("deployments").asInt()).as("D1, D3, D4, D5").isEqualTo(4);
        assertThat(frequency.get("perWeek").asDouble()).isEqualTo(2.0);
        assertThat(frequency.get("band").asString()).isEqualTo("high");

        JsonNode lead = metrics.get("leadTime");
        assertThat(lead.get("count").asInt())
                .as("c1, c2, c3, c4; D5 carries nothing new")
                .isEqualTo(4);
        assertThat(lead.get("medianSeconds").asDouble())
                .as("2 h, 2 h | 3 h, 4 h")
                .isEqualTo(9000.0);
        assertThat(lead.get("p85Seconds").asLong()).isEqualTo(14400);
        assertThat(lead.get("p90Seconds").asLong()).isEqualTo(14400);
        assertThat(lead.get("maximumSeconds").asLong()).isEqualTo(14400);
        assertThat(lead.get("band").asString()).isEqualTo("high");

        JsonNode failure = metrics.get("changeFailureRate");
        assertThat(failure.get("deployments").asInt()).as("D1 to D5").isEqualTo(5);
        assertThat(failure.get("failures").asInt()).isEqualTo(2);
        assertThat(failure.get("rate").asDouble()).isEqualTo(0.4);
        assertThat(failure.get("band").asString()).isEqualTo("low");
        assertThat(failure.get("failed")
                        .valueStream()
                        .map(f -> f.get("sha").asString().substring(0, 7) + " "
                                + f.get("reason").asString())
                        .toList())
                .containsExactly(
                        "e5bd391 the deployment failed",
                        "9049f12 rolled back by the deployment of e5bd391 at 2026-03-09T17:00:00Z");

        JsonNode restore = metrics.get("timeToRestore");
        assertThat(restore.get("openIncidents").asInt()).isZero();
        assertThat(restore.get("restored").get("count").asInt()).isEqualTo(2);
        assertThat(restore.get("restored").get("medianSeconds").asDouble())
                .as("1 h and 2.5 h")
                .isEqualTo(6300.0);
        assertThat(restore.get("restored").get("p90Seconds").asLong()).isEqualTo(9000);
        assertThat(restore.get("restored").get("band").asString()).isEqualTo("high");

        JsonNode escaped = metrics.get("escapedDefects");
        assertThat(escaped.get("status").asString()).isEqualTo("OK");
        assertThat(escaped.get("defects").asInt())
                .as("#20 and #23; #26 came before any release")
                .isEqualTo(2);
        assertThat(escaped.get("releases").asInt()).isEqualTo(4);
        assertThat(escaped.get("perRelease").asDouble()).isEqualTo(0.5);
        assertThat(escaped.get("bySeverity").get("high").asInt()).isEqualTo(1);
        assertThat(escaped.get("bySeverity").get("unspecified").asInt()).isEqualTo(1);

        JsonNode security = metrics.get("securityFixLeadTime");
        assertThat(security.get("fixed").asInt()).isEqualTo(1);
        assertThat(security.get("medianSeconds").asDouble()).isEqualTo(86400.0);
        assertThat(security.get("maximumSeconds").asLong()).isEqualTo(86400);
        assertThat(security.get("fixes").get(0).get("number").asLong()).isEqualTo(21);
        assertThat(security.get("open")
                        .valueStream()
                        .map(o -> o.get("number").asLong() + " "
                                + o.get("severity").asString() + " "
                                + o.get("ageDays").asLong() + "/"
                                + o.get("slaDays").asInt() + " "
                                + o.get("breachesSla").asBoolean())
                        .toList())
                .as("ages at the end of the period, 16 March 00:00")
                .containsExactly("25 critical 43/7 true", "24 unspecified 4/30 false");

        assertThat(metrics.get("weeks")
                        .valueStream()
                        .map(w -> w.get("start").asString() + " "
                                + w.get("deployments").asInt() + " "
                                + w.get("finishedDeployments").asInt() + " "
                                + w.get("changeFailures").asInt() + " "
                                + w.get("leadTimeMedianSeconds").asDouble() + " "
                                + w.get("restoreMedianSeconds").asDouble() + " "
                                + w.get("escapedDefects").asInt() + " "
                                + w.get("securityFixes").asInt())
                        .toList())
                .containsExactly("2026-03-02 2 3 1 7200.0 3600.0 1 1", "2026-03-09 2 2 1 10800.0 9000.0 1 0");

        // An environment nothing was deployed to has no figures, not zeros.
        JsonNode qa = owner.api()
                .get("/api/v1/projects/" + project + "/delivery-metrics?from=2026-03-02&to=2026-03-15&environment=qa")
                .body();
        assertThat(qa.get("deploymentFrequency").get("status").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(qa.get("deploymentFrequency").get("deployments").isNull()).isTrue();
        assertThat(qa.get("leadTime").get("status").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(qa.get("changeFailureRate").get("rate").isNull()).isTrue();

        // A stakeholder reads the measures too.
        TestUser stakeholder = newUser("dora-stakeholder");
        addMember(owner.api(), project, stakeholder, "STAKEHOLDER");
        assertThat(stakeholder
                        .api()
                        .get("/api/v1/projects/" + project + "/delivery-metrics")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aProjectWithoutSignalsHasNoFiguresAndBadPeriodsAreRefusedByField() {
        TestUser owner = newUser("dora-empty");
        String project = newProject(owner);
        Response empty = owner.api().get("/api/v1/projects/" + project + "/delivery-metrics");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        assertThat(empty.body().get("weeks").size())
                .as("twelve weeks up to today")
                .isBetween(12, 13);
        assertThat(empty.body().get("period").get("days").asLong()).isEqualTo(84);
        for (String measure : List.of("deploymentFrequency", "leadTime", "changeFailureRate", "escapedDefects")) {
            assertThat(empty.body().get(measure).get("status").asString())
                    .as(measure)
                    .isEqualTo("NOT_ENOUGH_DATA");
            assertThat(empty.body().get(measure).get("note").asString())
                    .as(measure)
                    .startsWith("Not enough data");
        }

        String path = "/api/v1/projects/" + project + "/delivery-metrics";
        assertThat(errorFields(owner.api().get(path + "?from=2026-13-01&to=yesterday")))
                .containsExactlyInAnyOrder("from", "to");
        assertThat(errorFields(owner.api().get(path + "?from=2026-03-10&to=2026-03-01")))
                .containsExactly("from");
        assertThat(errorFields(owner.api().get(path + "?from=2020-01-01&to=2026-03-01")))
                .containsExactly("to");
        assertThat(errorFields(owner.api().get(path + "?environment=" + "x".repeat(101))))
                .containsExactly("environment");
        assertThat(owner.api().get("/api/v1/projects/NOSUCH/delivery-metrics").status())
                .isEqualTo(404);
    }

    // ----- deliveries -----

    private Hook newHook(TestUser owner, String project) {
        Response created = owner.api()
                .post("/api/v1/projects/" + project + "/webhooks", json("name", "Shop", "provider", "github"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Hook(
                created.body().get("webhook").get("url").asString(),
                created.body().get("secret").asString());
    }

    private static ObjectNode commit(String sha, String message, String timestamp) {
        ObjectNode commit = ApiClient.JSON.createObjectNode();
        commit.put("id", sha);
        commit.put("message", message);
        commit.put("timestamp", timestamp);
        commit.put("url", "https://github.com/octo-org/gantry-demo/commit/" + sha);
        commit.putObject("author").put("name", "Ana Lima").put("email", "ana@example.com");
        return commit;
    }

    /** A push to main of the given commits, the last one the head. */
    private static void push(Hook hook, ObjectNode... commits) {
        ObjectNode body = resource("push.json");
        body.put("ref", "refs/heads/main");
        body.put("after", commits[commits.length - 1].get("id").asString());
        ArrayNode list = body.putArray("commits");
        for (ObjectNode commit : commits) {
            list.add(commit);
        }
        body.set("head_commit", commits[commits.length - 1]);
        stored(github(hook, "push", UUID.randomUUID().toString(), body.toString()));
    }

    /** A deployment status; returns the delivery id and body, to redeliver. */
    private static String deployment(Hook hook, long id, String sha, String environment, String state, String at) {
        ObjectNode body = resource("deployment_status.json");
        ObjectNode status = (ObjectNode) body.get("deployment_status");
        status.put("state", state);
        status.put("environment", environment);
        status.put("created_at", at);
        status.put("updated_at", at);
        ObjectNode deployment = (ObjectNode) body.get("deployment");
        deployment.put("id", id);
        deployment.put("sha", sha);
        deployment.put("environment", environment);
        deployment.put("created_at", at);
        String delivery = UUID.randomUUID().toString();
        stored(github(hook, "deployment_status", delivery, body.toString()));
        return delivery + "\n" + body;
    }

    private static void issue(Hook hook, long number, List<String> labels, String opened, String closed) {
        ObjectNode body = resource("issues.json");
        ObjectNode issue = (ObjectNode) body.get("issue");
        issue.put("number", number);
        issue.put("title", "Issue " + number);
        issue.put("html_url", "https://github.com/octo-org/gantry-demo/issues/" + number);
        issue.put("state", closed == null ? "open" : "closed");
        issue.put("created_at", opened);
        if (closed == null) {
            issue.putNull("closed_at");
        } else {
            issue.put("closed_at", closed);
        }
        ArrayNode list = issue.putArray("labels");
        for (String label : labels) {
            list.addObject().put("name", label).put("color", "ee0701");
        }
        stored(github(hook, "issues", UUID.randomUUID().toString(), body.toString()));
    }

    private static void stored(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().get("result").asString()).isEqualTo("stored");
    }

    private static ObjectNode resource(String name) {
        try (InputStream in = DeliveryMetricsApiIT.class.getResourceAsStream("/webhooks/github/" + name)) {
            return (ObjectNode) ApiClient.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{KEY}}", "SHOP")
                    .replace("{{key}}", "shop")
                    .replace("{{TASK}}", "1"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response github(Hook hook, String event, String delivery, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-Hub-Signature-256", "sha256=" + WebhookApiIT.hmac(hook.secret(), body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), ApiClient.JSON.readTree(response.body()), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
