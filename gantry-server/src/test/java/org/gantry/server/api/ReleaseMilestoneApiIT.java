package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A release linked to the milestone it delivers: a CI script delivers a release and its deployments (by commit
 * and by tag) in the generic format; a manager links the release to the milestone; the release then lists
 * exactly its own deployments and names its milestone.
 */
class ReleaseMilestoneApiIT extends ApiIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RELEASED = "5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
    private static final String LATER = "6666666fffffffffffffffffffffffffffffffff";

    @Test
    void aReleaseLinkedToAMilestoneListsItsDeployments() {
        TestUser owner = newUser("releaser");
        TestUser manager = newUser("planner");
        TestUser member = newUser("developer");
        String key = newProject(owner);
        addMember(owner.api(), key, manager, "MANAGER");
        addMember(owner.api(), key, member, "MEMBER");
        long milestone = createTask(owner.api(), key, json("name", "Go live", "milestone", true))
                .get("id")
                .asLong();
        long task = createTask(owner.api(), key, "Build it", null).get("id").asLong();
        Response hook = owner.api().post("/api/v1/projects/" + key + "/webhooks", json("provider", "generic"));
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        String url = hook.body().get("webhook").get("url").asString();
        String secret = hook.body().get("secret").asString();

        deliver(
                url,
                secret,
                "release",
                json(
                        "repository",
                        "acme/shop",
                        "tag",
                        "v1.2",
                        "name",
                        "Spring release",
                        "sha",
                        RELEASED,
                        "publishedAt",
                        "2026-03-04T09:00:00Z"));
        // Staging by commit, production by tag: both are the release's; a later commit's deployment is not.
        deliver(
                url,
                secret,
                "deployment",
                json(
                        "repository",
                        "acme/shop",
                        "id",
                        "s1",
                        "environment",
                        "staging",
                        "status",
                        "success",
                        "sha",
                        RELEASED,
                        "ref",
                        "main",
                        "at",
                        "2026-03-04T10:00:00Z"));
        deliver(
                url,
                secret,
                "deployment",
                json(
                        "repository",
                        "acme/shop",
                        "id",
                        "p1",
                        "environment",
                        "production",
                        "status",
                        "success",
                        "ref",
                        "v1.2",
                        "at",
                        "2026-03-05T08:00:00Z"));
        deliver(
                url,
                secret,
                "deployment",
                json(
                        "repository",
                        "acme/shop",
                        "id",
                        "p2",
                        "environment",
                        "production",
                        "status",
                        "success",
                        "sha",
                        LATER,
                        "ref",
                        "main",
                        "at",
                        "2026-03-06T08:00:00Z"));

        Response releases = member.api().get("/api/v1/projects/" + key + "/releases");
        assertThat(releases.status()).as(releases.toString()).isEqualTo(200);
        JsonNode release = releases.body().get(0);
        assertThat(releases.body().size()).isEqualTo(1);
        assertThat(release.get("tag").asString()).isEqualTo("v1.2");
        assertThat(release.get("milestoneTaskId").isNull()).isTrue();
        assertThat(release.get("deployments")
                        .valueStream()
                        .map(d -> d.get("environment").asString() + " "
                                + d.get("status").asString())
                        .toList())
                .containsExactly("staging success", "production success");
        long id = release.get("id").asLong();
        String link = "/api/v1/projects/" + key + "/releases/" + id + "/milestone";

        assertThat(member.api()
                        .put(link, json("milestoneTaskId", milestone, "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(errorFields(manager.api().put(link, json("milestoneTaskId", task, "version", 0))))
                .containsExactly("milestoneTaskId");
        assertThat(errorFields(manager.api().put(link, json("milestoneTaskId", 999999999, "version", 0))))
                .containsExactly("milestoneTaskId");
        assertThat(errorFields(manager.api().put(link, json("milestoneTaskId", milestone))))
                .containsExactly("version");
        Response linked = manager.api().put(link, json("milestoneTaskId", milestone, "version", 0));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.body().get("milestoneTaskId").asLong()).isEqualTo(milestone);
        assertThat(linked.body().get("milestoneName").asString()).isEqualTo("Go live");
        assertThat(linked.body().get("version").asInt()).isEqualTo(1);
        Response stale = manager.api().put(link, json("milestoneTaskId", null, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("milestoneTaskId").asLong()).isEqualTo(milestone);
        assertThat(member.api()
                        .get("/api/v1/projects/" + key + "/releases")
                        .body()
                        .get(0)
                        .get("milestoneName")
                        .asString())
                .isEqualTo("Go live");
        assertThat(manager.api()
                        .put("/api/v1/projects/" + key + "/releases/999999999/milestone", json("version", 0))
                        .status())
                .isEqualTo(404);

        // Unlinked again; a deleted milestone leaves the release unlinked too.
        Response unlinked = manager.api().put(link, json("milestoneTaskId", null, "version", 1));
        assertThat(unlinked.body().get("milestoneTaskId").isNull()).isTrue();
        assertThat(manager.api()
                        .put(link, json("milestoneTaskId", milestone, "version", 2))
                        .status())
                .isEqualTo(200);
        assertThat(owner.api()
                        .delete("/api/v1/projects/" + key + "/tasks/" + milestone)
                        .status())
                .isEqualTo(204);
        assertThat(member.api()
                        .get("/api/v1/projects/" + key + "/releases")
                        .body()
                        .get(0)
                        .get("milestoneTaskId")
                        .isNull())
                .isTrue();
    }

    private static void deliver(String url, String secret, String event, Map<String, Object> payload) {
        String body = ApiClient.JSON.writeValueAsString(payload);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("X-Gantry-Event", event)
                .header("X-Gantry-Delivery", UUID.randomUUID().toString())
                .header("X-Gantry-Signature", "sha256=" + OutgoingWebhookApiIT.hmac(secret, body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
