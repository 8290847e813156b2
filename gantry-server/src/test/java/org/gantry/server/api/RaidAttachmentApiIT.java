package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files on the entries of the RAID log and on risks, and comments on risks, through the REST API. Files are
 * stored as a task's are: the type detected from the bytes, the same per-file limit, downloads for everyone who
 * reads the project (others 404); those who edit the log attach (owners, managers, members; stakeholders read), the uploader or an owner or
 * manager deletes; uploads are in the activity log, and a file goes with its entry or risk.
 */
class RaidAttachmentApiIT extends ApiIntegrationTest {

    private static final byte[] MINUTES = "Agreed: the vendor ships on 9 March.".getBytes(StandardCharsets.UTF_8);

    @Test
    void theTeamAttachesFilesToAnIssueAndARiskStakeholdersReadThemAndTheyGoWithTheirEntry() {
        TestUser owner = newUser("files-owner");
        TestUser member = newUser("files-member");
        TestUser sponsor = newUser("files-sponsor");
        TestUser outsider = newUser("files-outsider");
        String key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        String project = "/api/v1/projects/" + key;
        long issue = created(owner.api().post(project + "/raid", json("type", "ISSUE", "title", "Build red")))
                .get("id")
                .asLong();
        long risk = created(owner.api()
                        .post(project + "/risks", json("title", "Vendor late", "probability", 3, "impact", 4)))
                .get("id")
                .asLong();
        String onIssue = project + "/raid/" + issue + "/attachments";
        String onRisk = project + "/risks/" + risk + "/attachments";

        Response minutes = member.api().upload(onIssue, "minutes.txt", MINUTES, Map.of());
        Response picture = member.api().upload(onRisk, "../../etc/chart.png", AttachmentApiIT.png(), Map.of());

        assertThat(minutes.status()).as(minutes.toString()).isEqualTo(201);
        assertThat(minutes.body().get("raidEntryId").asLong()).isEqualTo(issue);
        assertThat(minutes.body().get("riskId").isNull()).isTrue();
        assertThat(minutes.body().get("taskId").isNull()).isTrue();
        assertThat(minutes.body().get("contentType").asString()).startsWith("text/plain");
        assertThat(minutes.body().get("size").asLong()).isEqualTo(MINUTES.length);
        assertThat(picture.status()).as(picture.toString()).isEqualTo(201);
        assertThat(picture.body().get("riskId").asLong()).isEqualTo(risk);
        assertThat(picture.body().get("name").asString()).isEqualTo("chart.png");
        assertThat(picture.body().get("contentType").asString()).isEqualTo("image/png");
        assertThat(picture.body().get("image").asBoolean()).isTrue();

        // Everyone in the project lists and downloads them; nobody else learns they exist.
        Response listed = sponsor.api().get(onIssue);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().valueStream().map(file -> file.get("name").asString()))
                .containsExactly("minutes.txt");
        assertThat(sponsor.api().get(onRisk).body().get(0).get("canDelete").asBoolean())
                .isFalse();
        assertThat(sponsor.api().download(minutes.body().get("downloadUrl").asString()))
                .isEqualTo(MINUTES);
        assertThat(owner.api().download(picture.body().get("downloadUrl").asString()))
                .isEqualTo(AttachmentApiIT.png());
        assertThat(outsider.api().get(onIssue).status()).isEqualTo(404);
        assertThat(outsider.api()
                        .get(minutes.body().get("downloadUrl").asString())
                        .status())
                .isEqualTo(404);
        // The entry's own files are not its comments' and not a task's.
        assertThat(owner.api().get(project + "/raid/" + issue + "/comments").body())
                .isEmpty();

        // Stakeholders read the log: they attach nothing and delete nothing.
        Response bySponsor = sponsor.api().upload(onRisk, "note.txt", MINUTES, Map.of());
        assertThat(bySponsor.status()).as(bySponsor.toString()).isEqualTo(403);
        assertThat(bySponsor.header("Content-Type")).startsWith("application/problem+json");
        assertThat(sponsor.api()
                        .delete(project + "/attachments/"
                                + minutes.body().get("id").asLong())
                        .status())
                .isEqualTo(403);
        assertThat(outsider.api().upload(onRisk, "x.txt", MINUTES, Map.of()).status())
                .isEqualTo(404);
        assertThat(owner.api()
                        .upload(project + "/raid/999999999/attachments", "x.txt", MINUTES, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(owner.api()
                        .upload(project + "/risks/999999999/attachments", "x.txt", MINUTES, Map.of())
                        .status())
                .isEqualTo(404);

        // The same limits: an empty file is a 400 naming the file, one over the limit a 413; neither is stored.
        Response empty = member.api().upload(onIssue, "empty.txt", new byte[0], Map.of());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(errorFields(empty)).containsExactly("file");
        Response tooLarge = member.api().upload(onIssue, "huge.bin", new byte[25 * 1024 * 1024 + 1], Map.of());
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.body().get("detail").asString()).contains("Nothing was stored");
        assertThat(owner.api().get(onIssue).body()).hasSize(1);

        // The uploader deletes their own; uploads and deletes are in the activity log.
        assertThat(member.api()
                        .delete(project + "/attachments/"
                                + minutes.body().get("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(owner.api().get(onIssue).body()).isEmpty();
        List<String> recorded = owner.api()
                .get(project + "/activity?kind=attachment")
                .body()
                .get("items")
                .valueStream()
                .map(row ->
                        row.get("action").asString() + " " + row.get("label").asString())
                .toList();
        assertThat(recorded).containsExactly("deleted minutes.txt", "created chart.png", "created minutes.txt");

        // Deleting the risk (owners and managers) takes its files along.
        long pictureId = picture.body().get("id").asLong();
        assertThat(owner.api().delete(project + "/risks/" + risk).status()).isEqualTo(204);
        assertThat(owner.api().get(project + "/attachments/" + pictureId).status())
                .isEqualTo(404);
    }

    /**
     * Comments on a risk as on the other entries: Markdown made safe, a stakeholder's reply in the thread, kept
     * apart from the entries' threads, a mention telling the member with a link to the risk's page, a file on a
     * comment, and the comments gone with the risk.
     */
    @Test
    void theTeamAndStakeholdersDiscussARiskAndAMentionLeadsToTheRisksPage() {
        TestUser owner = newUser("risk-talk-owner");
        TestUser dana = newUser("risk-talk-dana");
        TestUser sponsor = newUser("risk-talk-sponsor");
        TestUser outsider = newUser("risk-talk-outsider");
        String key = newProject(owner);
        addMember(owner.api(), key, dana, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        String project = "/api/v1/projects/" + key;
        long risk = created(owner.api()
                        .post(project + "/risks", json("title", "Vendor late", "probability", 3, "impact", 4)))
                .get("id")
                .asLong();
        long issue = created(owner.api().post(project + "/raid", json("type", "ISSUE", "title", "Build red")))
                .get("id")
                .asLong();
        String comments = project + "/risks/" + risk + "/comments";

        Response posted =
                owner.api().post(comments, json("body", "**Escalate** to @" + dana.email() + " <script>x</script>"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.body().get("riskId").asLong()).isEqualTo(risk);
        assertThat(posted.body().get("raidEntryId").isNull()).isTrue();
        assertThat(posted.body().get("taskId").isNull()).isTrue();
        assertThat(posted.body().get("html").asString())
                .contains("<strong>Escalate</strong>")
                .doesNotContain("<script");
        long thread = posted.body().get("id").asLong();
        Response reply = sponsor.api().post(comments, json("body", "When do we know?", "parentId", thread));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        JsonNode listed = sponsor.api().get(comments).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("replies").get(0).get("body").asString()).isEqualTo("When do we know?");
        assertThat(owner.api().get(project + "/raid/" + issue + "/comments").body())
                .isEmpty();
        Response crossing =
                owner.api().post(project + "/raid/" + issue + "/comments", json("body", "Same", "parentId", thread));
        assertThat(crossing.status()).isEqualTo(400);
        assertThat(errorFields(crossing)).containsExactly("parentId");
        assertThat(outsider.api().get(comments).status()).isEqualTo(404);
        assertThat(owner.api().get(project + "/risks/999999999/comments").status())
                .isEqualTo(404);

        JsonNode told = dana.api()
                .get("/api/v1/notifications?unread=true")
                .body()
                .get("items")
                .get(0);
        assertThat(told.get("reason").asString()).isEqualTo("MENTIONED");
        assertThat(told.get("title").asString()).endsWith("mentioned you on the risk “Vendor late”");
        assertThat(told.get("cause").asString()).contains("risk register");
        assertThat(told.get("link").asString()).isEqualTo("/projects/" + key + "/risks/" + risk);

        Response file = dana.api()
                .upload(
                        project + "/comments/"
                                + created(dana.api().post(comments, json("body", "Quote attached")))
                                        .get("id")
                                        .asLong()
                                + "/attachments",
                        "quote.txt",
                        MINUTES,
                        Map.of());
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
        assertThat(owner.api()
                        .get(comments)
                        .body()
                        .get(1)
                        .get("attachments")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("quote.txt");

        assertThat(owner.api().delete(project + "/risks/" + risk).status()).isEqualTo(204);
        assertThat(owner.api().get(project + "/comments/" + thread).status()).isEqualTo(404);
        assertThat(owner.api()
                        .get(project + "/attachments/" + file.body().get("id").asLong())
                        .status())
                .isEqualTo(404);
    }
}
