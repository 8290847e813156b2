package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Comments on RAID entries through the REST API: the same comments as on tasks (Markdown made safe, #WBS
 * links, threads, edits, deletes, resolving through /comments/{id}), kept apart from the tasks' threads,
 * stakeholders included; an entry of another project is not found, a reply cannot cross subjects, a mention
 * tells the member in the bell and by e-mail with a link to the entry, files on a comment are stored, shown
 * and guarded as on a task's comment, and deleting the entry takes its comments and their files with it.
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
    void aMentionOnAnEntryTellsThePersonInTheBellAndByMailWithALinkToTheEntry() {
        TestUser owner = newUser("owner");
        TestUser dana = newUser("dana");
        TestUser sponsor = newUser("sponsor");
        TestUser outsider = newUser("outsider");
        String key = newProject(owner);
        addMember(owner.api(), key, dana, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long issue = entry(owner, key, "Server room too warm");
        String entryPage = "/projects/" + key + "/raid/" + issue;

        Response outsiderMentioned = owner.api().post(comments(key, issue), json("body", "Ask @" + outsider.email()));
        assertThat(outsiderMentioned.status()).as(outsiderMentioned.toString()).isEqualTo(400);
        assertThat(outsiderMentioned.raw().body()).contains("\"body\"").contains("only members of project");
        assertThat(owner.api().get(comments(key, issue)).body().size()).isZero();

        Response mention = owner.api()
                .post(comments(key, issue), json("body", "Over to you @" + dana.email() + ", **today** please"));
        assertThat(mention.status()).as(mention.toString()).isEqualTo(201);
        assertThat(mention.body().get("html").asString()).contains("@dana");
        long comment = mention.body().get("id").asLong();

        JsonNode bell = dana.api().get("/api/v1/notifications?unread=true").body();
        assertThat(bell.get("unread").asLong()).isEqualTo(1);
        JsonNode told = bell.get("items").get(0);
        assertThat(told.get("reason").asString()).isEqualTo("MENTIONED");
        assertThat(told.get("title").asString())
                .isEqualTo("owner Tester mentioned you on the issue “Server room too warm”");
        assertThat(told.get("detail").asString()).contains("Over to you").contains("today please");
        assertThat(told.get("cause").asString()).contains("wrote a comment on").contains("RAID log");
        assertThat(told.get("link").asString()).isEqualTo(entryPage);
        assertThat(told.get("taskId").isNull()).isTrue();
        assertThat(unread(owner)).as("nobody is told about their own comment").isZero();
        assertThat(unread(sponsor))
                .as("only the mentioned person: entries have no watchers")
                .isZero();

        MimeMessage mail = NotificationApiIT.mailTo(dana.email());
        assertThat(NotificationApiIT.subject(mail)).contains("mentioned you");
        assertThat(NotificationApiIT.text(mail))
                .contains("Why: Mentioned")
                .contains("http://localhost:" + port + entryPage);

        Response edited = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/comments/" + comment,
                        json(
                                "body",
                                "Over to you @" + dana.email() + " and @" + sponsor.email(),
                                "version",
                                mention.body().get("version").asInt()));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(unread(sponsor))
                .as("a stakeholder can read the project, so can be mentioned")
                .isEqualTo(1);
        assertThat(dana.api()
                        .get("/api/v1/notifications?unread=true")
                        .body()
                        .get("unread")
                        .asLong())
                .as("the edit tells only the newly mentioned")
                .isEqualTo(1);
        JsonNode sponsorTold =
                sponsor.api().get("/api/v1/notifications").body().get("items").get(0);
        assertThat(sponsorTold.get("cause").asString()).contains("edited a comment on");
        assertThat(sponsorTold.get("link").asString()).isEqualTo(entryPage);
    }

    @Test
    void filesOnAnEntrysCommentShowUnderItOnlyReadersDownloadThemAndDeletesAreRecorded() throws Exception {
        TestUser owner = newUser("owner");
        TestUser dana = newUser("dana");
        TestUser sponsor = newUser("sponsor");
        TestUser outsider = newUser("outsider");
        String key = newProject(owner);
        addMember(owner.api(), key, dana, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long issue = entry(owner, key, "Vendor contract unsigned");
        long comment = dana.api()
                .post(comments(key, issue), json("body", "The draft contract, marked up"))
                .body()
                .get("id")
                .asLong();
        String onComment = "/api/v1/projects/" + key + "/comments/" + comment + "/attachments";

        Response uploaded = dana.api().upload(onComment, "contract.png", AttachmentApiIT.png(), Map.of());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.body().get("commentId").asLong()).isEqualTo(comment);
        assertThat(uploaded.body().get("taskId").isNull())
                .as("it belongs to the comment alone")
                .isTrue();
        assertThat(uploaded.body().get("contentType").asString()).isEqualTo("image/png");
        long fileId = uploaded.body().get("id").asLong();
        String url = uploaded.body().get("downloadUrl").asString();

        JsonNode thread = sponsor.api().get(comments(key, issue)).body().get(0);
        assertThat(thread.get("attachments").valueStream().map(a -> a.get("name")
                        .asString()))
                .containsExactly("contract.png");
        assertThat(sponsor.api().download(url))
                .as("stakeholders read the project")
                .isEqualTo(AttachmentApiIT.png());
        assertThat(outsider.api().get(url).status()).isEqualTo(404);
        assertThat(owner.api()
                        .upload(onComment, "mine.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .as("only the comment's author attaches to it")
                .isEqualTo(403);
        assertThat(outsider.api()
                        .upload(onComment, "x.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .isEqualTo(404);
        Response tooLarge = dana.api().upload(onComment, "huge.bin", new byte[25 * 1024 * 1024 + 1], Map.of());
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.body().get("detail").asString()).contains("Nothing was stored");
        assertThat(sponsor.api()
                        .get(comments(key, issue))
                        .body()
                        .get(0)
                        .get("attachments")
                        .size())
                .isEqualTo(1);

        assertThat(sponsor.api()
                        .delete("/api/v1/projects/" + key + "/attachments/" + fileId)
                        .status())
                .as("a stakeholder deletes no one's file")
                .isEqualTo(403);
        assertThat(owner.api()
                        .delete("/api/v1/projects/" + key + "/attachments/" + fileId)
                        .status())
                .as("owners moderate")
                .isEqualTo(204);
        assertThat(sponsor.api().get(url).status()).isEqualTo(404);
        List<String> recorded = owner.api()
                .get("/api/v1/projects/" + key + "/activity?kind=attachment")
                .body()
                .get("items")
                .valueStream()
                .map(row ->
                        row.get("action").asString() + " " + row.get("label").asString() + " by "
                                + row.get("actorName").asString())
                .toList();
        assertThat(recorded)
                .containsExactly("deleted contract.png by owner Tester", "created contract.png by dana Tester");

        long second = dana.api()
                .upload(onComment, "minutes.txt", "agreed".getBytes(StandardCharsets.UTF_8), Map.of())
                .body()
                .get("id")
                .asLong();
        assertThat(owner.api()
                        .delete("/api/v1/projects/" + key + "/raid/" + issue)
                        .status())
                .isEqualTo(204);
        assertThat(owner.api()
                        .get("/api/v1/projects/" + key + "/attachments/" + second)
                        .status())
                .as("deleting the entry takes its comments' files along")
                .isEqualTo(404);
    }

    private static long unread(TestUser user) {
        return user.api()
                .get("/api/v1/notifications/unread-count")
                .body()
                .get("unread")
                .asLong();
    }

    @Test
    void emptyCommentsAndOtherProjectsAreRefusedAndTheEntryTakesItsCommentsAlong() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long issue = entry(owner, key, "Server room too warm");

        Response empty = owner.api().post(comments(key, issue), json("body", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.raw().body()).contains("is required");
        assertThat(owner.api().get(comments(key, issue)).body().size()).isZero();

        long comment = owner.api()
                .post(comments(key, issue), json("body", "Plain note"))
                .body()
                .get("id")
                .asLong();

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
