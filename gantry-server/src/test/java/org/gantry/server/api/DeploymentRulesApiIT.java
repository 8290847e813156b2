package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The deployment rules a project sets beside the pull request ones: which environment is production, a
 * deployment there moves the tasks whose work it carries (deployed to production → Done), and a hotfix
 * deployment within N hours makes the deployment before it a change failure. A CI script delivers signed
 * pushes and deployments in the generic format; the figures are worked out by hand in the comments.
 */
class DeploymentRulesApiIT extends ApiIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LOGIN = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String HOTFIX = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String REPORT = "3333333ccccccccccccccccccccccccccccccccc";
    private static final String TYPO = "4444444ddddddddddddddddddddddddddddddddd";

    record Hook(String url, String secret) {}

    @Test
    void aProductionDeploymentClosesTheTaskAndAHotfixWithinTheWindowIsAFailure() {
        TestUser owner = newUser("deployer");
        String key = newProject(owner);
        long task = createTask(owner.api(), key, "Login form", null).get("id").asLong();
        long other = createTask(owner.api(), key, "Reports", null).get("id").asLong();
        String rules = "/api/v1/projects/" + key + "/status-rules";
        Response set = owner.api()
                .put(
                        rules,
                        json(
                                "deployedToProduction",
                                "done",
                                "productionEnvironment",
                                "prod-eu",
                                "hotfixWithinHours",
                                4,
                                "version",
                                0));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().get("deployedToProduction").asString()).isEqualTo("done");
        assertThat(set.body().get("productionEnvironment").asString()).isEqualTo("prod-eu");
        assertThat(set.body().get("hotfixWithinHours").asInt()).isEqualTo(4);
        assertThat(set.body().get("pullRequestMerged").isNull()).isTrue();
        Hook hook = newHook(owner, key);

        push(hook, LOGIN, key + "-" + task + " Add the login form", "2026-03-02T10:00:00Z");
        // Staging is not production: the task stays as it is.
        Response staging = deploy(hook, "d1", "staging", LOGIN, "main", "2026-03-02T11:00:00Z");
        assertThat(staging.body().has("statusChanges")
                        && staging.body().get("statusChanges").size() > 0)
                .isFalse();
        assertThat(status(owner, key, task)).isEqualTo("todo");
        // prod-eu is (any case): the task whose commit it carries is Done at 100 %, the other task untouched.
        Response production = deploy(hook, "d2", "PROD-EU", LOGIN, "main", "2026-03-02T12:00:00Z");
        assertThat(production.status()).as(production.toString()).isEqualTo(200);
        assertThat(production.body().get("statusChanges").get(0).get("taskId").asLong())
                .isEqualTo(task);
        assertThat(status(owner, key, task)).isEqualTo("done");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + key + "/tasks/" + task)
                        .body()
                        .get("percentComplete")
                        .asInt())
                .isEqualTo(100);
        assertThat(status(owner, key, other)).isEqualTo("todo");
        // Reopened by someone, then the same deployment's success delivered again: nothing moves.
        int version = owner.api()
                .get("/api/v1/projects/" + key + "/tasks/" + task)
                .body()
                .get("version")
                .asInt();
        assertThat(owner.api()
                        .patch(
                                "/api/v1/projects/" + key + "/tasks/" + task,
                                json("status", "in_progress", "version", version))
                        .status())
                .isEqualTo(200);
        deploy(hook, "d2", "prod-eu", LOGIN, "main", "2026-03-02T12:05:00Z");
        assertThat(status(owner, key, task)).isEqualTo("in_progress");

        // d3 is a hotfix (its commit says so) 2 h after d2: d2 failed. d4 comes 20 h after d3 and is no hotfix;
        // d5's ref says hotfix but it comes 8 h after d4, outside the 4-hour window.
        push(hook, HOTFIX, "Hotfix: null check on login", "2026-03-02T13:00:00Z");
        deploy(hook, "d3", "prod-eu", HOTFIX, "main", "2026-03-02T14:00:00Z");
        push(hook, REPORT, "Add the weekly report", "2026-03-02T20:00:00Z");
        deploy(hook, "d4", "prod-eu", REPORT, "main", "2026-03-03T10:00:00Z");
        push(hook, TYPO, "Fix a typo in the report", "2026-03-03T11:00:00Z");
        deploy(hook, "d5", "prod-eu", TYPO, "hotfix/report-typo", "2026-03-03T18:00:00Z");

        // Without an environment the metrics measure production as the project defines it: four deployments
        // (d2 to d5), one change failure (d2) of four, 25 %.
        JsonNode metrics = metrics(owner, key);
        assertThat(metrics.get("period").get("environment").asString()).isEqualTo("prod-eu");
        assertThat(metrics.get("period").get("hotfixWithinHours").asInt()).isEqualTo(4);
        assertThat(metrics.get("deploymentFrequency").get("deployments").asInt())
                .isEqualTo(4);
        JsonNode failures = metrics.get("changeFailureRate");
        assertThat(failures.get("deployments").asInt()).isEqualTo(4);
        assertThat(failures.get("failures").asInt()).isEqualTo(1);
        assertThat(failures.get("rate").asDouble()).isEqualTo(0.25);
        assertThat(failures.get("failed").get(0).get("sha").asString()).isEqualTo(LOGIN);
        assertThat(failures.get("failed").get(0).get("reason").asString())
                .isEqualTo("followed by the hotfix deployment of 2222222 120 minutes later (within 4 h)");

        // With a 12-hour window d5 (8 h after d4, ref hotfix/...) makes d4 a failure too: 2 of 4.
        int rulesVersion = owner.api().get(rules).body().get("version").asInt();
        assertThat(owner.api()
                        .put(
                                rules,
                                json(
                                        "deployedToProduction",
                                        "done",
                                        "productionEnvironment",
                                        "prod-eu",
                                        "hotfixWithinHours",
                                        12,
                                        "version",
                                        rulesVersion))
                        .status())
                .isEqualTo(200);
        assertThat(metrics(owner, key).get("changeFailureRate").get("failures").asInt())
                .isEqualTo(2);
        // Rule off: no failures at all.
        assertThat(owner.api()
                        .put(rules, json("productionEnvironment", "prod-eu", "version", rulesVersion + 1))
                        .status())
                .isEqualTo(200);
        JsonNode off = metrics(owner, key);
        assertThat(off.get("changeFailureRate").get("failures").asInt()).isZero();
        assertThat(off.get("period").get("hotfixWithinHours").isNull()).isTrue();
    }

    @Test
    void badRulesAreRefusedByField() {
        TestUser owner = newUser("rules");
        String key = newProject(owner);
        String rules = "/api/v1/projects/" + key + "/status-rules";
        assertThat(errorFields(owner.api().put(rules, json("hotfixWithinHours", 0, "version", 0))))
                .containsExactly("hotfixWithinHours");
        assertThat(errorFields(owner.api().put(rules, json("hotfixWithinHours", 721, "version", 0))))
                .containsExactly("hotfixWithinHours");
        assertThat(errorFields(owner.api().put(rules, json("deployedToProduction", "shipped", "version", 0))))
                .containsExactly("deployedToProduction");
        assertThat(errorFields(owner.api().put(rules, json("productionEnvironment", "p".repeat(101), "version", 0))))
                .containsExactly("productionEnvironment");
        JsonNode unchanged = owner.api().get(rules).body();
        assertThat(unchanged.get("version").asInt()).isZero();
        assertThat(unchanged.get("productionEnvironment").asString()).isEqualTo("production");
        assertThat(unchanged.get("hotfixWithinHours").isNull()).isTrue();
    }

    /**
     * One monorepo deploys two services, each named by the generic format's {@code service}. Billing: a release,
     * a bug reported after it (escaped), a bug found in staging (caught), then a deployment carrying the fix of
     * the escaped bug (rework). Search: a bug reported before anything of it was deployed (caught), a release,
     * then a hotfix deployment (rework).
     */
    @Test
    void servicesAreMeasuredApartWithReworkRateAndDefectContainment() {
        TestUser owner = newUser("services");
        String key = newProject(owner);
        Hook hook = newHook(owner, key);
        String b1 = "b1b1b1b" + "0".repeat(33);
        String b2 = "b2b2b2b" + "0".repeat(33);
        String s1 = "c1c1c1c" + "0".repeat(33);
        String s2 = "c2c2c2c" + "0".repeat(33);
        issue(hook, "search", 7, List.of("bug"), "2026-03-02T08:00:00Z");
        push(hook, "billing", b1, "Add invoices", "2026-03-02T09:00:00Z");
        deploy(hook, "billing", "b-1", "production", b1, "main", "2026-03-02T10:00:00Z");
        issue(hook, "billing", 5, List.of("bug", "severity:high"), "2026-03-02T12:00:00Z");
        issue(hook, "billing", 6, List.of("bug", "found-in:staging"), "2026-03-02T13:00:00Z");
        push(hook, "billing", b2, "Fix rounding, closes #5", "2026-03-02T14:00:00Z");
        deploy(hook, "billing", "b-2", "production", b2, "main", "2026-03-02T15:00:00Z");
        push(hook, "search", s1, "Add search", "2026-03-03T09:00:00Z");
        deploy(hook, "search", "s-1", "production", s1, "main", "2026-03-03T10:00:00Z");
        push(hook, "search", s2, "Rebuild the index", "2026-03-03T11:00:00Z");
        deploy(hook, "search", "s-2", "production", s2, "hotfix/index", "2026-03-03T12:00:00Z");

        // All: 4 deployments, 2 of them rework (50 %); bugs #5 escaped, #6 and #7 caught: 2 of 3 contained.
        JsonNode all = metrics(owner, key, "");
        assertThat(all.get("services").valueStream().map(JsonNode::asString).toList())
                .containsExactly("billing", "search");
        assertThat(all.get("period").get("service").isNull()).isTrue();
        JsonNode rework = all.get("reworkRate");
        assertThat(rework.get("status").asString()).isEqualTo("OK");
        assertThat(rework.get("deployments").asInt()).isEqualTo(4);
        assertThat(rework.get("rework").asInt()).isEqualTo(2);
        assertThat(rework.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(rework.get("reworked")
                        .valueStream()
                        .map(r -> r.get("reason").asString())
                        .toList())
                .containsExactly("carries b2b2b2b, a fix for bug #5 (billing)", "a hotfix (its ref is hotfix/index)");
        JsonNode containment = all.get("defectContainment");
        assertThat(containment.get("contained").asInt()).isEqualTo(2);
        assertThat(containment.get("escaped").asInt()).isEqualTo(1);
        assertThat(containment.get("percent").asDouble())
                .isCloseTo(200.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.get("escapedDefects").get("defects").asInt()).isEqualTo(1);

        // Billing alone: 2 deployments, 1 rework; #5 escaped, #6 caught: 50 %.
        JsonNode billing = metrics(owner, key, "&service=billing");
        assertThat(billing.get("period").get("service").asString()).isEqualTo("billing");
        assertThat(billing.get("deploymentFrequency").get("deployments").asInt())
                .isEqualTo(2);
        assertThat(billing.get("reworkRate").get("rework").asInt()).isEqualTo(1);
        assertThat(billing.get("defectContainment").get("percent").asDouble()).isEqualTo(50.0);
        assertThat(billing.get("escapedDefects").get("bySeverity").get("high").asInt())
                .isEqualTo(1);
        // Search alone: 2 deployments, 1 rework; #7 caught before its first release, nothing escaped: 100 %.
        JsonNode search = metrics(owner, key, "&service=search");
        assertThat(search.get("deploymentFrequency").get("deployments").asInt()).isEqualTo(2);
        assertThat(search.get("reworkRate").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(search.get("defectContainment").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(search.get("escapedDefects").get("defects").asInt()).isZero();
        // A service without deployments has no figures, and a name too long is a 400 on service.
        JsonNode none = metrics(owner, key, "&service=payments");
        assertThat(none.get("reworkRate").get("status").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(none.get("defectContainment").get("status").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(errorFields(
                        owner.api().get("/api/v1/projects/" + key + "/delivery-metrics?service=" + "s".repeat(201))))
                .containsExactly("service");
    }

    private Hook newHook(TestUser owner, String key) {
        Response created = owner.api().post("/api/v1/projects/" + key + "/webhooks", json("provider", "generic"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Hook(
                created.body().get("webhook").get("url").asString(),
                created.body().get("secret").asString());
    }

    private static String status(TestUser owner, String key, long task) {
        return owner.api()
                .get("/api/v1/projects/" + key + "/tasks/" + task)
                .body()
                .get("status")
                .asString();
    }

    private static JsonNode metrics(TestUser owner, String key) {
        return metrics(owner, key, "");
    }

    private static JsonNode metrics(TestUser owner, String key, String more) {
        Response response =
                owner.api().get("/api/v1/projects/" + key + "/delivery-metrics?from=2026-03-02&to=2026-03-08" + more);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void push(Hook hook, String sha, String message, String at) {
        Response response = deliver(
                hook,
                "push",
                json(
                        "repository",
                        "acme/shop",
                        "branch",
                        "main",
                        "after",
                        sha,
                        "commits",
                        List.of(json("id", sha, "message", message, "author", "Ana", "timestamp", at))));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void push(Hook hook, String service, String sha, String message, String at) {
        Response response = deliver(
                hook,
                "push",
                json(
                        "repository",
                        "acme/monorepo",
                        "service",
                        service,
                        "branch",
                        "main",
                        "after",
                        sha,
                        "commits",
                        List.of(json("id", sha, "message", message, "author", "Ana", "timestamp", at))));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void deploy(
            Hook hook, String service, String id, String environment, String sha, String ref, String at) {
        Response response = deliver(
                hook,
                "deployment",
                json(
                        "repository", "acme/monorepo",
                        "service", service,
                        "id", id,
                        "environment", environment,
                        "status", "success",
                        "sha", sha,
                        "ref", ref,
                        "at", at));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void issue(Hook hook, String service, long number, List<String> labels, String openedAt) {
        Response response = deliver(
                hook,
                "issue",
                json(
                        "repository", "acme/monorepo",
                        "service", service,
                        "number", number,
                        "title", "Issue " + number,
                        "state", "open",
                        "labels", labels,
                        "openedAt", openedAt));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static Response deploy(Hook hook, String id, String environment, String sha, String ref, String at) {
        Response response = deliver(
                hook,
                "deployment",
                json(
                        "repository", "acme/shop",
                        "id", id,
                        "environment", environment,
                        "status", "success",
                        "sha", sha,
                        "ref", ref,
                        "at", at));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** A generic delivery, signed as the README shows. */
    private static Response deliver(Hook hook, String event, Map<String, Object> payload) {
        String body = ApiClient.JSON.writeValueAsString(payload);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("X-Gantry-Event", event)
                .header("X-Gantry-Delivery", UUID.randomUUID().toString())
                .header("X-Gantry-Signature", "sha256=" + OutgoingWebhookApiIT.hmac(hook.secret(), body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().trim().startsWith("{")
                    ? ApiClient.JSON.readTree(response.body())
                    : tools.jackson.databind.node.MissingNode.getInstance();
            return new Response(response.statusCode(), node, response);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
