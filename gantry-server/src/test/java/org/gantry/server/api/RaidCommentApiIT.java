package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Comments on RAID entries through the REST API: the same comments as on tasks (Markdown made safe, #WBS
 * links, threads, edits, deletes, resolving through /comments/{id}), kept apart from the tasks' threads,
 * stakeholders included; an entry of another project is not found, a reply cannot cross subjects, a mention
 * (which would notify nobody) and a file (files belong to tasks) are refused with the field named, and
 * deleting the entry takes its comments with it.
 */
class RaidCommentApiIT extends ApiIntegrationTest {

    private static String comments(String key, long entryId) {
        return "/api/v1/projects/" + key + "/raid/" + entryId + "/comments";
    }

    private static long entry(TestUser owner, String key, String title) {
        Response created = owner.api().post("/api/v1/projects/" + key + "/raid", json("type", "ISSUE", "title", title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    @Test
    void theTeamAndStakeholdersDiscussAnEntryInThreadsApartFromTheTasks() {
        TestUser owner = newUser("owner");
        TestUser sponsor = newUser("sponsor");
        String key = newProject(owner);
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long taskId =
                createTask(owner.api(), key, json("name", "Install")).get("id").asLong();
        long issue = entry(owner, key, "Server room too warm");
        long other = entry(owner, key, "Badge readers offline");

        Response posted = owner.api()
                .post(comments(key, issue), json("body", "**Facilities** are on it, see #1 and <script>x</script>"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.body().get("raidEntryId").asLong()).isEqualTo(issue);
        assertThat(posted.body().get("taskId").isNull()).isTrue();
        String html = posted.body().get("html").asString();
        assertThat(html)
                .contains("<strong>Facilities</strong>")
                .contains("/projects/" + key + "/list?task=" + taskId)
                .doesNotContain("<script");
        long thread = posted.body().get("id").asLong();

        Response reply =
                sponsor.api().post(comments(key, issue), json("body", "When is it fixed?", "parentId", thread));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        Response list = sponsor.api().get(comments(key, issue));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isEqualTo(1);
        assertThat(list.body().get(0).get("replies").get(0).get("body").asString())
                .isEqualTo("When is it fixed?");
        assertThat(owner.api().get(comments(key, other)).body().size()).isZero();
        assertThat(owner.api()
                        .get("/api/v1/projects/" + key + "/tasks/" + taskId + "/comments")
                        .body()
                        .size())
                .isZero();

        // A reply names a thread of the same entry: not another entry's, not a task's.
        Response crossing = owner.api().post(comments(key, other), json("body", "Same here", "parentId", thread));
        assertThat(crossing.status()).isEqualTo(400);
        assertThat(crossing.raw().body()).contains("parentId").contains("is not a comment on this RAID entry");
        long taskComment = owner.api()
                .post("/api/v1/projects/" + key + "/tasks/" + taskId + "/comments", json("body", "On the task"))
                .body()
                .get("id")
                .asLong();
        assertThat(owner.api()
                        .post(comments(key, issue), json("body", "x", "parentId", taskComment))
                        .status())
                .isEqualTo(400);

        // Edited, resolved and deleted through /comments/{id}, as on tasks.
        Response edited = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/comments/" + thread,
                        json("body", "Facilities fixed it", "version", 0));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body().get("edited").asBoolean()).isTrue();
        Response resolved = owner.api()
                .put(
                        "/api/v1/projects/" + key + "/comments/" + thread + "/resolution",
                        json("resolved", true, "version", 1));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.body().get("resolved").asBoolean()).isTrue();
        long replyId = reply.body().get("id").asLong();
        assertThat(sponsor.api()
                        .delete("/api/v1/projects/" + key + "/comments/" + replyId)
                        .status())
                .isEqualTo(204);
        assertThat(owner.api()
                        .get(comments(key, issue))
                        .body()
                        .get(0)
                        .get("replies")
                        .size())
                .isZero();
    }

    @Test
    void mentionsFilesEmptyCommentsAndOtherProjectsAreRefusedAndTheEntryTakesItsCommentsAlong() {
        TestUser owner = newUser("owner");
        TestUser dana = newUser("dana");
        String key = newProject(owner);
        addMember(owner.api(), key, dana, "MEMBER");
        long issue = entry(owner, key, "Server room too warm");

        Response mention = owner.api().post(comments(key, issue), json("body", "Over to you @" + dana.email()));
        assertThat(mention.status()).as(mention.toString()).isEqualTo(400);
        assertThat(mention.raw().body()).contains("\"body\"").contains("cannot mention people on a RAID entry");
        Response empty = owner.api().post(comments(key, issue), json("body", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.raw().body()).contains("is required");
        assertThat(owner.api().get(comments(key, issue)).body().size()).isZero();

        long comment = owner.api()
                .post(comments(key, issue), json("body", "Plain note"))
                .body()
                .get("id")
                .asLong();
        Response editedToMention = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/comments/" + comment,
                        json("body", "Now @" + dana.email(), "version", 0));
        assertThat(editedToMention.status()).isEqualTo(400);
        Response file = owner.api()
                .upload(
                        "/api/v1/projects/" + key + "/comments/" + comment + "/attachments",
                        "notes.txt",
                        "hello".getBytes(StandardCharsets.UTF_8),
                        Map.of());
        assertThat(file.status()).as(file.toString()).isEqualTo(400);
        assertThat(file.raw().body()).contains("commentId");

        TestUser stranger = newUser("stranger");
        String elsewhere = newProject(stranger);
        assertThat(stranger.api().get(comments(elsewhere, issue)).status()).isEqualTo(404);
        assertThat(stranger.api()
                        .post(comments(elsewhere, issue), json("body", "Hello"))
                        .status())
                .isEqualTo(404);
        assertThat(owner.api().get(comments(key, 999_999_999L)).status()).isEqualTo(404);

        assertThat(owner.api()
                        .delete("/api/v1/projects/" + key + "/raid/" + issue)
                        .status())
                .isEqualTo(204);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + key + "/comments/" + comment)
                        .status())
                .isEqualTo(404);
    }
}
