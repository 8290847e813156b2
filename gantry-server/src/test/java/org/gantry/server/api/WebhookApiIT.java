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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Incoming webhooks driven over real HTTP the way GitHub, GitLab and Gitea send them: payloads shaped like
 * the providers' documented examples (test resources under webhooks/), signed in the test with the secret
 * the server showed once. No login, no session, no CSRF token on the delivery path.
 */
class WebhookApiIT extends ApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Hook(long id, String url, String secret) {}

    // ----- set-up -----

    @Test
    void ownersCreateWebhooksWhoseSecretIsShownOnceAndRotated() {
        TestUser owner = newUser("hook-owner");
        String project = newProject(owner);
        Response created = owner.api()
                .post("/api/v1/projects/" + project + "/webhooks", json("name", "API repo", "provider", "github"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.body().get("secret").asString();
        assertThat(secret).hasSize(43);
        assertThat(created.body().get("signatureHeader").asString()).isEqualTo("X-Hub-Signature-256");
        JsonNode webhook = created.body().get("webhook");
        assertThat(webhook.get("provider").asString()).isEqualTo("GITHUB");
        assertThat(webhook.get("url").asString()).startsWith(baseUrl() + "/api/v1/hooks/");
        assertThat(webhook.get("secretHint").asString()).isEqualTo("..." + secret.substring(39));

        Response list = owner.api().get("/api/v1/projects/" + project + "/webhooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw().body()).doesNotContain(secret).contains("API repo");

        Response invalid = owner.api()
                .post("/api/v1/projects/" + project + "/webhooks", json("name", "x".repeat(201), "provider", "svn"));
        assertThat(errorFields(invalid)).containsExactlyInAnyOrder("provider", "name");

        long id = webhook.get("id").asLong();
        Hook hook = new Hook(id, webhook.get("url").asString(), secret);
        String body = "{\"zen\":\"Design for failure.\",\"hook_id\":1}";
        assertThat(github(hook, "ping", UUID.randomUUID().toString(), body)
                        .body()
                        .get("result")
                        .asString())
                .isEqualTo("pong");

        Response stale = owner.api()
                .post("/api/v1/projects/" + project + "/webhooks/" + id + "/rotate-secret", json("version", 7));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("version").asInt()).isZero();
        Response rotated = owner.api()
                .post("/api/v1/projects/" + project + "/webhooks/" + id + "/rotate-secret", json("version", 0));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.body().get("secret").asString();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(github(hook, "ping", UUID.randomUUID().toString(), body).status())
                .as("the old secret stops working")
                .isEqualTo(401);
        assertThat(github(
                                new Hook(id, hook.url(), newSecret),
                                "ping",
                                UUID.randomUUID().toString(),
                                body)
                        .status())
                .isEqualTo(200);

        Response deleted = owner.api().delete("/api/v1/projects/" + project + "/webhooks/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        Response gone = github(
                new Hook(id, hook.url(), newSecret), "ping", UUID.randomUUID().toString(), body);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");

        Response audit = admin().get("/api/v1/admin/audit?kind=WEBHOOK_CREATED&kind=WEBHOOK_SECRET_ROTATED"
                + "&kind=WEBHOOK_DELETED&kind=WEBHOOK_DELIVERY_REFUSED&person=" + owner.id() + "&size=10");
        assertThat(audit.body()
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("kind").asString())
                        .toList())
                .containsExactly("WEBHOOK_DELETED", "WEBHOOK_SECRET_ROTATED", "WEBHOOK_CREATED");
    }

    // ----- GitHub -----

    @Test
    void gitHubPushesPullRequestsChecksAndDeploymentsShowOnTheTaskTheyName() {
        TestUser owner = newUser("hook-github");
        String project = newProject(owner);
        long task =
                createTask(owner.api(), project, "Login form", null).get("id").asLong();
        long other = createTask(owner.api(), project, "Something else", null)
                .get("id")
                .asLong();
        Hook hook = newHook(owner, project, "github");
        Map<String, String> values =
                Map.of("{{KEY}}", project, "{{key}}", project.toLowerCase(), "{{TASK}}", "" + task);

        Response push = github(hook, "push", UUID.randomUUID().toString(), payload("github/push.json", values));
        assertThat(push.status()).as(push.toString()).isEqualTo(200);
        assertThat(push.body().get("result").asString()).isEqualTo("stored");
        assertThat(push.body()
                        .get("linkedTasks")
                        .valueStream()
                        .map(JsonNode::asLong)
                        .toList())
                .containsExactly(task);
        Response opened = github(
                hook, "pull_request", UUID.randomUUID().toString(), payload("github/pull_request_opened.json", values));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.body()
                        .get("linkedTasks")
                        .valueStream()
                        .map(JsonNode::asLong)
                        .toList())
                .as("the task's URL in the description links it")
                .containsExactly(task);

        JsonNode development = development(owner, project, task);
        assertThat(development.get("key").asString()).isEqualTo(project + "-" + task);
        assertThat(development.get("pullRequests").get(0).get("state").asString())
                .isEqualTo("OPEN");

        assertThat(github(hook, "check_run", UUID.randomUUID().toString(), payload("github/check_run.json", values))
                        .status())
                .isEqualTo(200);
        assertThat(github(
                                hook,
                                "pull_request",
                                UUID.randomUUID().toString(),
                                payload("github/pull_request_merged.json", values))
                        .status())
                .isEqualTo(200);
        assertThat(github(
                                hook,
                                "deployment_status",
                                UUID.randomUUID().toString(),
                                payload("github/deployment_status.json", values))
                        .status())
                .isEqualTo(200);
        assertThat(github(hook, "release", UUID.randomUUID().toString(), payload("github/release.json", values))
                        .status())
                .isEqualTo(200);
        assertThat(github(hook, "issues", UUID.randomUUID().toString(), payload("github/issues.json", values))
                        .status())
                .isEqualTo(200);

        development = development(owner, project, task);
        JsonNode branch = development.get("branches").get(0);
        assertThat(branch.get("name").asString()).isEqualTo("feature/" + project.toLowerCase() + "-" + task + "-login");
        assertThat(branch.get("repository").asString()).isEqualTo("octo-org/gantry-demo");
        JsonNode pull = development.get("pullRequests").get(0);
        assertThat(pull.get("number").asLong()).isEqualTo(7);
        assertThat(pull.get("title").asString()).isEqualTo("Login form");
        assertThat(pull.get("state").asString()).isEqualTo("MERGED");
        assertThat(pull.get("mergedAt").asString()).isEqualTo("2026-03-03T09:30:00Z");
        assertThat(pull.get("url").asString()).isEqualTo("https://github.com/octo-org/gantry-demo/pull/7");
        assertThat(development
                        .get("commits")
                        .valueStream()
                        .map(commit -> commit.get("sha").asString().substring(0, 7) + " "
                                + commit.get("message").asString() + " "
                                + commit.get("at").asString())
                        .toList())
                .as("the commit naming the task, and the one on its branch, newest first")
                .containsExactly(
                        "0d1a26e Tests for the login form 2026-03-02T10:40:00Z",
                        "c441029 " + project + "-" + task + " Add the login form 2026-03-02T09:15:00Z");
        JsonNode check = development.get("checks").get(0);
        assertThat(check.get("name").asString() + " " + check.get("status").asString() + " "
                        + check.get("conclusion").asString())
                .isEqualTo("build completed success");
        JsonNode deployed = development.get("environments").get(0);
        assertThat(deployed.get("environment").asString() + " "
                        + deployed.get("status").asString() + " "
                        + deployed.get("sha").asString() + " "
                        + deployed.get("at").asString())
                .as("the merge commit went to production")
                .isEqualTo("production success e5bd3914e2e596debea16f433f57875b5b90bcd6 2026-03-03T10:05:00Z");

        JsonNode untouched = development(owner, project, other);
        for (String list : List.of("branches", "pullRequests", "commits", "checks", "deployments")) {
            assertThat(untouched.get(list).size()).as(list).isZero();
        }

        JsonNode signals =
                owner.api().get("/api/v1/projects/" + project + "/signals").body();
        assertThat(signals.get("releases").get(0).get("tag").asString()).isEqualTo("v1.4.0");
        assertThat(signals.get("deployments").get(0).get("environment").asString())
                .isEqualTo("production");
        JsonNode issue = signals.get("issues").get(0);
        assertThat(issue.get("number").asLong()).isEqualTo(12);
        assertThat(issue.get("state").asString()).isEqualTo("OPEN");
        assertThat(issue.get("labels").valueStream().map(JsonNode::asString).toList())
                .containsExactly("bug", "security");

        // A member sees the panel too; the webhooks themselves are for owners and managers.
        TestUser member = newUser("hook-member");
        addMember(owner.api(), project, member, "MEMBER");
        assertThat(member.api()
                        .get("/api/v1/projects/" + project + "/tasks/" + task + "/development")
                        .status())
                .isEqualTo(200);
        assertThat(member.api().get("/api/v1/projects/" + project + "/webhooks").status())
                .isEqualTo(403);
    }

    @Test
    void statusRulesMoveTheTaskWhenItsPullRequestOpensAndMerges() {
        TestUser owner = newUser("hook-rules");
        String project = newProject(owner);
        long task =
                createTask(owner.api(), project, "Login form", null).get("id").asLong();
        Response review = owner.api()
                .post(
                        "/api/v1/projects/" + project + "/statuses",
                        json("name", "In review", "category", "IN_PROGRESS"));
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        String rules = "/api/v1/projects/" + project + "/status-rules";
        assertThat(owner.api().get(rules).body().get("version").asInt()).isZero();
        assertThat(errorFields(
                        owner.api().put(rules, json("pullRequestOpened", "nowhere", "pullRequestMerged", "done"))))
                .containsExactlyInAnyOrder("pullRequestOpened", "version");
        Response saved = owner.api()
                .put(rules, json("pullRequestOpened", "in_review", "pullRequestMerged", "done", "version", 0));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body().get("version").asInt()).isEqualTo(1);
        Response stale = owner.api().put(rules, json("pullRequestOpened", null, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("pullRequestMerged").asString())
                .isEqualTo("done");
        Hook hook = newHook(owner, project, "github");
        Map<String, String> values =
                Map.of("{{KEY}}", project, "{{key}}", project.toLowerCase(), "{{TASK}}", "" + task);
        String opened = payload("github/pull_request_opened.json", values);

        Response first = github(hook, "pull_request", UUID.randomUUID().toString(), opened);

        assertThat(first.body().get("statusChanges").get(0).get("status").asString())
                .isEqualTo("in_review");
        JsonNode current = owner.api()
                .get("/api/v1/projects/" + project + "/tasks/" + task)
                .body();
        assertThat(current.get("status").asString()).isEqualTo("in_review");
        // Someone moves it back; the next push to the still-open pull request leaves it where they put it.
        Response back = owner.api()
                .patch(
                        "/api/v1/projects/" + project + "/tasks/" + task,
                        json(
                                "status",
                                "in_progress",
                                "version",
                                current.get("version").asInt()));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        Response synchronize = github(
                hook, "pull_request", UUID.randomUUID().toString(), opened.replace("\"opened\"", "\"synchronize\""));
        assertThat(synchronize.body().get("statusChanges").size()).isZero();

        Response merged = github(
                hook, "pull_request", UUID.randomUUID().toString(), payload("github/pull_request_merged.json", values));

        assertThat(merged.body().get("statusChanges").get(0).get("status").asString())
                .isEqualTo("done");
        JsonNode done = owner.api()
                .get("/api/v1/projects/" + project + "/tasks/" + task)
                .body();
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("percentComplete").asInt()).isEqualTo(100);
        JsonNode history = owner.api()
                .get("/api/v1/projects/" + project + "/tasks/" + task + "/history")
                .body();
        assertThat(history.valueStream()
                        .filter(entry -> entry.get("entity").asString().equals("task")
                                && entry.get("action").asString().equals("updated")
                                && entry.get("changes").valueStream().anyMatch(change -> change.get("field")
                                        .asString()
                                        .equals("status")))
                        .map(entry -> entry.get("actorKind").asString())
                        .toList())
                .as("status changes, newest first: merged, moved back by the owner (with a token), opened")
                .containsExactly("webhook", "token", "webhook");
    }

    @Test
    void aBadOrMissingSignatureIsRefusedLoggedAndStoresNothing() {
        TestUser owner = newUser("hook-refused");
        String project = newProject(owner);
        long task = createTask(owner.api(), project, "Task", null).get("id").asLong();
        Hook hook = newHook(owner, project, "github");
        String body =
                payload("github/push.json", Map.of("{{KEY}}", project, "{{key}}", project, "{{TASK}}", "" + task));

        Map<String, String> wrong =
                new LinkedHashMap<>(githubHeaders("push", UUID.randomUUID().toString()));
        wrong.put("X-Hub-Signature-256", "sha256=" + hmac("not-the-secret", body));
        Response forged = deliver(hook, wrong, body);
        assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(forged.body().get("detail").asString()).contains("X-Hub-Signature-256 does not match");

        Response unsigned =
                deliver(hook, githubHeaders("push", UUID.randomUUID().toString()), body);
        assertThat(unsigned.status()).isEqualTo(401);
        // A body changed after signing.
        Map<String, String> tampered =
                new LinkedHashMap<>(githubHeaders("push", UUID.randomUUID().toString()));
        tampered.put("X-Hub-Signature-256", "sha256=" + hmac(hook.secret(), body));
        assertThat(deliver(hook, tampered, body.replace("Add the login form", "Remove the login form"))
                        .status())
                .isEqualTo(401);
        // A bearer token of the project's owner is no signature.
        HttpRequest.Builder withToken =
                request(hook, githubHeaders("push", UUID.randomUUID().toString()), body);
        withToken.header("Authorization", "Bearer " + token(owner.email(), owner.password()));
        assertThat(send(withToken).status()).isEqualTo(401);

        assertThat(deliveries(owner, project, hook)).isZero();
        JsonNode development = development(owner, project, task);
        assertThat(development.get("commits").size()).isZero();
        assertThat(development.get("branches").size()).isZero();
        Response audit = admin().get("/api/v1/admin/audit?kind=WEBHOOK_DELIVERY_REFUSED&size=100");
        assertThat(audit.body()
                        .get("items")
                        .valueStream()
                        .filter(item -> project.equals(item.path("project").asString()))
                        .map(item -> item.get("detail").asString())
                        .toList())
                .hasSize(4)
                .anyMatch(detail -> detail.contains("no X-Hub-Signature-256 header"));
    }

    @Test
    void aReplayedDeliveryIsStoredOnce() {
        TestUser owner = newUser("hook-replay");
        String project = newProject(owner);
        Hook hook = newHook(owner, project, "github");
        String body = payload("github/release.json", Map.of());
        String delivery = UUID.randomUUID().toString();

        Response first = github(hook, "release", delivery, body);
        Response again = github(hook, "release", delivery, body);

        assertThat(first.body().get("result").asString()).isEqualTo("stored");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("result").asString()).isEqualTo("duplicate");
        assertThat(deliveries(owner, project, hook)).isEqualTo(1);
    }

    @Test
    void anUnknownEventIsIgnoredWithA202() {
        TestUser owner = newUser("hook-unknown");
        String project = newProject(owner);
        Hook hook = newHook(owner, project, "github");

        Response star = github(hook, "star", UUID.randomUUID().toString(), "{\"action\":\"created\"}");

        assertThat(star.status()).isEqualTo(202);
        assertThat(star.body().get("result").asString()).isEqualTo("ignored");
        assertThat(deliveries(owner, project, hook)).isZero();
    }

    @Test
    void aMalformedOrOversizedBodyIsA4xxProblemNeverA500() {
        TestUser owner = newUser("hook-malformed");
        String project = newProject(owner);
        Hook hook = newHook(owner, project, "github");

        Response broken = github(hook, "push", UUID.randomUUID().toString(), "{\"ref\": \"refs/heads/main\", ");
        assertThat(errorFields(broken)).containsExactly("body");
        Response missing = github(hook, "pull_request", UUID.randomUUID().toString(), "{\"action\":\"opened\"}");
        assertThat(errorFields(missing)).containsExactly("pull_request.state");
        Response wrongType = github(
                hook,
                "pull_request",
                UUID.randomUUID().toString(),
                "{\"repository\":{\"full_name\":\"a/b\"},\"pull_request\":{\"state\":\"open\",\"number\":\"seven\"}}");
        assertThat(errorFields(wrongType)).containsExactly("pull_request.number");
        Response badDate = github(
                hook,
                "push",
                UUID.randomUUID().toString(),
                "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"a/b\"},"
                        + "\"commits\":[{\"id\":\"abc\",\"message\":\"m\",\"timestamp\":\"+999999999-12-31T23:59:59Z\"}]}");
        assertThat(errorFields(badDate)).containsExactly("commits[0].timestamp");
        Response longName = github(
                hook,
                "release",
                UUID.randomUUID().toString(),
                "{\"repository\":{\"full_name\":\"" + "r".repeat(3000) + "\"},\"release\":{\"tag_name\":\"v1\"}}");
        assertThat(errorFields(longName)).as("too long to index").containsExactly("repository");
        Response array = github(hook, "push", UUID.randomUUID().toString(), "[1, 2]");
        assertThat(errorFields(array)).containsExactly("body");
        Response deep = github(hook, "push", UUID.randomUUID().toString(), "[".repeat(5000) + "]".repeat(5000));
        assertThat(errorFields(deep)).containsExactly("body");
        Response nul = github(
                hook,
                "push",
                UUID.randomUUID().toString(),
                "{\"ref\":\"refs/heads/ma\\u0000in\",\"repository\":{\"full_name\":\"a/\\u0000b\"},"
                        + "\"commits\":[{\"id\":\"abc\",\"message\":\"a\\u0000b\"}]}");
        assertThat(nul.status())
                .as("NUL characters are dropped, not a 500: " + nul)
                .isEqualTo(200);

        String huge = "{\"zen\":\"" + "x".repeat(1_100_000) + "\"}";
        Response tooLarge = github(hook, "ping", UUID.randomUUID().toString(), huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(deliveries(owner, project, hook)).isEqualTo(1);
    }

    // ----- GitLab and Gitea -----

    @Test
    void gitLabDeliveriesCarryTheSecretAsATokenAndMergeRequestsLink() {
        TestUser owner = newUser("hook-gitlab");
        String project = newProject(owner);
        long task = createTask(owner.api(), project, "Export", null).get("id").asLong();
        Hook hook = newHook(owner, project, "gitlab");
        Map<String, String> values =
                Map.of("{{KEY}}", project, "{{key}}", project.toLowerCase(), "{{TASK}}", "" + task);
        String push = payload("gitlab/push.json", values);

        Map<String, String> wrong = gitlabHeaders("Push Hook", UUID.randomUUID().toString(), "wrong-token");
        assertThat(deliver(hook, wrong, push).status()).isEqualTo(401);

        Response pushed =
                deliver(hook, gitlabHeaders("Push Hook", UUID.randomUUID().toString(), hook.secret()), push);
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        assertThat(pushed.body().get("linkedTasks").get(0).asLong()).isEqualTo(task);
        Response merged = deliver(
                hook,
                gitlabHeaders("Merge Request Hook", UUID.randomUUID().toString(), hook.secret()),
                payload("gitlab/merge_request.json", values));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

        JsonNode development = development(owner, project, task);
        assertThat(development.get("commits").size()).isEqualTo(2);
        JsonNode request = development.get("pullRequests").get(0);
        assertThat(request.get("repository").asString()).isEqualTo("mike/diaspora");
        assertThat(request.get("number").asLong()).isEqualTo(1);
        assertThat(request.get("state").asString()).isEqualTo("MERGED");
        assertThat(request.get("openedAt").asString()).isEqualTo("2026-03-05T14:30:00Z");
        assertThat(request.get("sourceBranch").asString()).isEqualTo(project.toLowerCase() + "-" + task + "-export");
    }

    @Test
    void giteaDeliveriesAreSignedWithAPlainHexHmac() {
        TestUser owner = newUser("hook-gitea");
        String project = newProject(owner);
        long task =
                createTask(owner.api(), project, "Date picker", null).get("id").asLong();
        Hook hook = newHook(owner, project, "gitea");
        String body = payload("gitea/push.json", Map.of("{{KEY}}", project, "{{TASK}}", "" + task));

        Map<String, String> forged =
                new LinkedHashMap<>(giteaHeaders("push", UUID.randomUUID().toString()));
        forged.put("X-Gitea-Signature", hmac("guess", body));
        assertThat(deliver(hook, forged, body).status()).isEqualTo(401);

        Map<String, String> signed =
                new LinkedHashMap<>(giteaHeaders("push", UUID.randomUUID().toString()));
        signed.put("X-Gitea-Signature", hmac(hook.secret(), body));
        Response pushed = deliver(hook, signed, body);
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        assertThat(pushed.body().get("linkedTasks").get(0).asLong()).isEqualTo(task);
        JsonNode commit = development(owner, project, task).get("commits").get(0);
        assertThat(commit.get("repository").asString()).isEqualTo("gitea/webhooks");
        assertThat(commit.get("author").asString()).isEqualTo("Gitea");
        assertThat(commit.get("branch").asString()).isEqualTo("develop");
    }

    @Test
    void theGenericFormatIsSignedLikeGitHub() {
        TestUser owner = newUser("hook-generic");
        String project = newProject(owner);
        Hook hook = newHook(owner, project, "generic");
        String body = payload("generic/deployment.json", Map.of());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Gantry-Event", "deployment");
        headers.put("X-Gantry-Delivery", UUID.randomUUID().toString());
        headers.put("X-Gantry-Signature", "sha256=" + hmac(hook.secret(), body));

        Response response = deliver(hook, headers, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode deployment = owner.api()
                .get("/api/v1/projects/" + project + "/signals")
                .body()
                .get("deployments")
                .get(0);
        assertThat(deployment.get("environment").asString() + " "
                        + deployment.get("status").asString())
                .isEqualTo("staging success");
    }

    // ----- a burst -----

    @Test
    void aBurstOfAThousandDeliveriesIsStoredExactlyOnce() throws Exception {
        TestUser owner = newUser("hook-burst");
        String project = newProject(owner);
        long task = createTask(owner.api(), project, "Burst", null).get("id").asLong();
        Hook hook = newHook(owner, project, "github");
        int deliveries = 1_000;
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            ids.add(UUID.randomUUID().toString());
            String sha = String.format("%040x", i + 1);
            bodies.add("{\"ref\":\"refs/heads/main\",\"after\":\"" + sha + "\",\"repository\":{\"full_name\":"
                    + "\"octo-org/burst\"},\"commits\":[{\"id\":\"" + sha + "\",\"message\":\"" + project + "-" + task
                    + " change " + i + "\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"author\":{\"name\":\"Ana\"}}]}");
        }
        // Every delivery once, and every tenth a second time at the same moment (a provider's retry).
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            order.add(i);
            if (i % 10 == 0) {
                order.add(i);
            }
        }
        java.util.Collections.shuffle(order, new java.util.Random(17));
        Map<String, Integer> results = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i : order) {
                sent.add(threads.submit(() -> {
                    Response response = github(hook, "push", ids.get(i), bodies.get(i));
                    results.merge(
                            response.status() + " "
                                    + response.body().path("result").asString(),
                            1,
                            Integer::sum);
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                java.util.Locale.ROOT,
                "Webhook burst: %d requests (%d deliveries, %d replays) over 8 threads in %.2f s, %.0f per second: %s%n",
                order.size(),
                deliveries,
                order.size() - deliveries,
                seconds,
                order.size() / seconds,
                results);

        assertThat(results).containsEntry("200 stored", deliveries);
        assertThat(results.getOrDefault("200 duplicate", 0)).isEqualTo(order.size() - deliveries);
        assertThat(results).hasSize(2);
        assertThat(deliveries(owner, project, hook)).isEqualTo(deliveries);
        assertThat(development(owner, project, task).get("commits").size()).isEqualTo(200);
    }

    // ----- helpers -----

    private Hook newHook(TestUser owner, String project, String provider) {
        Response created = owner.api().post("/api/v1/projects/" + project + "/webhooks", json("provider", provider));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Hook(
                created.body().get("webhook").get("id").asLong(),
                created.body().get("webhook").get("url").asString(),
                created.body().get("secret").asString());
    }

    private static long deliveries(TestUser owner, String project, Hook hook) {
        return owner.api()
                .get("/api/v1/projects/" + project + "/webhooks/" + hook.id())
                .body()
                .get("deliveries")
                .asLong();
    }

    private static JsonNode development(TestUser user, String project, long task) {
        Response response = user.api().get("/api/v1/projects/" + project + "/tasks/" + task + "/development");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** A test resource with its placeholders filled in. */
    private static String payload(String name, Map<String, String> values) {
        try (InputStream in = WebhookApiIT.class.getResourceAsStream("/webhooks/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> githubHeaders(String event, String delivery) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", delivery);
        headers.put("X-GitHub-Hook-ID", "292430182");
        headers.put("User-Agent", "GitHub-Hookshot/044aadd");
        return headers;
    }

    private static Map<String, String> gitlabHeaders(String event, String delivery, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Gitlab-Event", event);
        headers.put("X-Gitlab-Event-UUID", delivery);
        headers.put("X-Gitlab-Token", token);
        headers.put("User-Agent", "GitLab/17.0.0");
        return headers;
    }

    private static Map<String, String> giteaHeaders(String event, String delivery) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Gitea-Event", event);
        headers.put("X-Gitea-Delivery", delivery);
        headers.put("X-GitHub-Event", event);
        return headers;
    }

    /** A GitHub delivery signed as GitHub signs it. */
    private static Response github(Hook hook, String event, String delivery, String body) {
        Map<String, String> headers = new LinkedHashMap<>(githubHeaders(event, delivery));
        headers.put("X-Hub-Signature-256", "sha256=" + hmac(hook.secret(), body));
        return deliver(hook, headers, body);
    }

    private static Response deliver(Hook hook, Map<String, String> headers, String body) {
        return send(request(hook, headers, body));
    }

    private static HttpRequest.Builder request(Hook hook, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.url()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isBlank() || !response.body().trim().startsWith("{")
                    ? tools.jackson.databind.node.MissingNode.getInstance()
                    : ApiClient.JSON.readTree(response.body());
            return new Response(response.statusCode(), node, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
