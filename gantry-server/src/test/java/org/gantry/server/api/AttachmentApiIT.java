package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.collaboration.AttachmentStore;
import org.gantry.server.collaboration.AttachmentSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Attachments on tasks through the REST API: upload, list, download, limits, detection, deletes. */
class AttachmentApiIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttachmentStore store;

    @Autowired
    AttachmentSweep sweep;

    private static String attachments(String key, long taskId) {
        return "/api/v1/projects/" + key + "/tasks/" + taskId + "/attachments";
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private HttpResponse<byte[]> download(TestUser user, String url) throws Exception {
        String token = token(user.email(), user.password());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + url))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private long filesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long rows(String key) {
        return jdbc.sql(
                        "select count(*) from task_attachment f join project p on p.id = f.project_id where p.project_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    @Test
    void uploadListDownloadAndOnlyMembersSeeIt() throws Exception {
        TestUser owner = newUser("owner");
        TestUser sponsor = newUser("sponsor");
        TestUser outsider = newUser("outsider");
        String key = newProject(owner);
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();
        byte[] text = "Minutes of the kick-off\n".repeat(100).getBytes(StandardCharsets.UTF_8);

        Response uploaded = owner.api().upload(attachments(key, taskId), "minutes.txt", text, Map.of());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode attachment = uploaded.body();
        assertThat(attachment.get("name").asString()).isEqualTo("minutes.txt");
        assertThat(attachment.get("size").asLong()).isEqualTo(text.length);
        assertThat(attachment.get("contentType").asString()).startsWith("text/plain");
        assertThat(attachment.get("sha256").asString())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
        assertThat(attachment.get("uploaderId").asLong()).isEqualTo(owner.id());
        assertThat(attachment.get("image").asBoolean()).isFalse();

        Response stakeholderUpload = sponsor.api().upload(attachments(key, taskId), "chart.png", png(), Map.of());
        assertThat(stakeholderUpload.status())
                .as("stakeholders may attach, like they may comment: " + stakeholderUpload)
                .isEqualTo(201);
        assertThat(stakeholderUpload.body().get("contentType").asString()).isEqualTo("image/png");
        assertThat(stakeholderUpload.body().get("image").asBoolean()).isTrue();

        Response list = sponsor.api().get(attachments(key, taskId));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(a -> a.get("name").asString()))
                .containsExactly("minutes.txt", "chart.png");

        String url = attachment.get("downloadUrl").asString();
        assertThat(url)
                .isEqualTo("/api/v1/projects/" + key + "/attachments/"
                        + attachment.get("id").asLong());
        HttpResponse<byte[]> bytes = download(sponsor, url);
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(text);
        assertThat(bytes.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(bytes.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("minutes.txt");
        assertThat(bytes.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(download(outsider, url).statusCode())
                .as("an outsider learns nothing")
                .isEqualTo(404);
        assertThat(outsider.api().get(attachments(key, taskId)).status()).isEqualTo(404);
        assertThat(outsider.api()
                        .upload(attachments(key, taskId), "x.txt", text, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(owner.api().get(attachments(key, 999_999_999L)).status()).isEqualTo(404);
    }

    @Test
    void filesOnACommentShowUnderItOnlyItsAuthorAttachesAndTheyGoWithIt() throws Exception {
        TestUser owner = newUser("owner");
        TestUser ana = newUser("ana");
        TestUser outsider = newUser("outsider");
        String key = newProject(owner);
        addMember(owner.api(), key, ana, "MEMBER");
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();
        Response comment = ana.api()
                .post(
                        "/api/v1/projects/" + key + "/tasks/" + taskId + "/comments",
                        json("body", "The chart from the review"));
        long commentId = comment.body().get("id").asLong();
        String onComment = "/api/v1/projects/" + key + "/comments/" + commentId + "/attachments";
        long filesBefore = filesOnDisk();

        Response uploaded = ana.api().upload(onComment, "review.png", png(), Map.of());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.body().get("commentId").asLong()).isEqualTo(commentId);
        assertThat(uploaded.body().get("taskId").asLong()).isEqualTo(taskId);
        assertThat(uploaded.body().get("image").asBoolean()).isTrue();
        String url = uploaded.body().get("downloadUrl").asString();

        JsonNode thread = owner.api()
                .get("/api/v1/projects/" + key + "/tasks/" + taskId + "/comments")
                .body()
                .get(0);
        assertThat(thread.get("attachments").valueStream().map(a -> a.get("name")
                        .asString()))
                .containsExactly("review.png");
        assertThat(owner.api()
                        .get(attachments(key, taskId))
                        .body()
                        .get(0)
                        .get("commentId")
                        .asLong())
                .as("the task's file list names the comment a file is on")
                .isEqualTo(commentId);

        Response notTheAuthor =
                owner.api().upload(onComment, "mine.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(notTheAuthor.status()).as(notTheAuthor.toString()).isEqualTo(403);
        assertThat(outsider.api()
                        .upload(onComment, "x.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(ana.api()
                        .upload(
                                "/api/v1/projects/" + key + "/comments/999999999/attachments",
                                "x.txt",
                                "x".getBytes(StandardCharsets.UTF_8),
                                Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(download(outsider, url).statusCode()).isEqualTo(404);
        assertThat(download(owner, url).body()).isEqualTo(png());
        assertThat(filesOnDisk()).isEqualTo(filesBefore + 1);

        assertThat(ana.api()
                        .delete("/api/v1/projects/" + key + "/comments/" + commentId)
                        .status())
                .isEqualTo(204);
        assertThat(download(owner, url).statusCode())
                .as("a deleted comment's files go with it")
                .isEqualTo(404);
        assertThat(rows(key)).isZero();
        assertThat(filesOnDisk()).as("its bytes too").isEqualTo(filesBefore);
    }

    @Test
    void aProgramNamedPngIsNotAnImageAndScriptableTypesAreNeverInline() throws Exception {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        program[0x3c] = (byte) 0x80;
        program[0x80] = 'P';
        program[0x81] = 'E';

        Response exe = owner.api().upload(attachments(key, taskId), "holiday.png", program, Map.of());
        assertThat(exe.status()).as(exe.toString()).isEqualTo(201);
        assertThat(exe.body().get("contentType").asString()).doesNotStartWith("image/");
        assertThat(exe.body().get("image").asBoolean()).isFalse();

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        Response vector = owner.api().upload(attachments(key, taskId), "logo.svg", svg, Map.of());
        assertThat(vector.status()).as(vector.toString()).isEqualTo(201);
        assertThat(vector.body().get("image").asBoolean())
                .as("SVG can carry script")
                .isFalse();
        HttpResponse<byte[]> served =
                download(owner, vector.body().get("downloadUrl").asString());
        assertThat(served.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        Response noFile = owner.api()
                .sendRaw("POST", attachments(key, taskId), "multipart/form-data; boundary=x", "--x--\r\n".getBytes());
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
    }

    @Test
    void overTheLimitIsA413AndStoresNothing() throws Exception {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();
        long before = filesOnDisk();

        byte[] large = new byte[25 * 1024 * 1024 + 1];
        Response refused = owner.api().upload(attachments(key, taskId), "big.bin", large, Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString()).contains("25.0 MB").contains("Nothing was stored");
        assertThat(rows(key)).isZero();
        assertThat(filesOnDisk())
                .as("no file left behind, not even a temporary one")
                .isEqualTo(before);
    }

    /**
     * The project's total (1 GB here) counts every file of the project, on tasks and on comments. Filling
     * a gigabyte for real would take the test minutes, so one real file's recorded size is raised to just
     * under the limit: the service adds up the recorded sizes, which is what it would find after many
     * real uploads.
     */
    @Test
    void aFileThatWouldPassTheProjectsTotalIsA413StoresNothingAndFitsAgainAfterADelete() throws Exception {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();
        long big = owner.api()
                .upload(attachments(key, taskId), "archive.bin", "almost full".getBytes(), Map.of())
                .body()
                .get("id")
                .asLong();
        long oneGigabyte = 1024L * 1024 * 1024;
        jdbc.sql("update task_attachment set size_bytes = ? where id = ?")
                .params(oneGigabyte - 1000, big)
                .update();
        long filesBefore = filesOnDisk();

        byte[] twoKilobytes = new byte[2000];
        Response refused = owner.api().upload(attachments(key, taskId), "notes.bin", twoKilobytes, Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString())
                .contains("Project " + key + " already holds")
                .contains("1024.0 MB")
                .contains("Nothing was stored");
        Response comment = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/tasks/" + taskId + "/comments",
                        json("body", "The notes are attached"));
        Response onComment = owner.api()
                .upload(
                        "/api/v1/projects/" + key + "/comments/"
                                + comment.body().get("id").asLong() + "/attachments",
                        "notes.bin",
                        twoKilobytes,
                        Map.of());
        assertThat(onComment.status())
                .as("a comment's files count towards the same total")
                .isEqualTo(413);
        assertThat(rows(key)).as("only the first file").isEqualTo(1);
        assertThat(filesOnDisk()).as("no file left behind").isEqualTo(filesBefore);

        Response small = owner.api().upload(attachments(key, taskId), "small.txt", "fits".getBytes(), Map.of());
        assertThat(small.status()).as("a file within what is left still fits").isEqualTo(201);
        assertThat(owner.api()
                        .delete("/api/v1/projects/" + key + "/attachments/" + big)
                        .status())
                .isEqualTo(204);
        Response afterDelete = owner.api().upload(attachments(key, taskId), "notes.bin", twoKilobytes, Map.of());
        assertThat(afterDelete.status())
                .as("deleting a file frees its share of the total")
                .isEqualTo(201);
    }

    @Test
    void theUploaderAndManagersMayDeleteOtherMembersMayNot() throws Exception {
        TestUser owner = newUser("owner");
        TestUser manager = newUser("manager");
        TestUser ana = newUser("ana");
        TestUser bob = newUser("bob");
        String key = newProject(owner);
        addMember(owner.api(), key, manager, "MANAGER");
        addMember(owner.api(), key, ana, "MEMBER");
        addMember(owner.api(), key, bob, "MEMBER");
        long taskId =
                createTask(owner.api(), key, json("name", "Spec")).get("id").asLong();

        JsonNode first = ana.api()
                .upload(attachments(key, taskId), "a.txt", "one".getBytes(), Map.of())
                .body();
        JsonNode second = ana.api()
                .upload(attachments(key, taskId), "b.txt", "two".getBytes(), Map.of())
                .body();
        String firstUrl = first.get("downloadUrl").asString();
        String secondUrl = second.get("downloadUrl").asString();
        long filesBefore = filesOnDisk();

        Response byOther = bob.api().delete(firstUrl);
        assertThat(byOther.status()).as(byOther.toString()).isEqualTo(403);
        assertThat(byOther.header("Content-Type")).startsWith("application/problem+json");

        assertThat(ana.api().delete(firstUrl).status()).isEqualTo(204);
        assertThat(download(ana, firstUrl).statusCode()).isEqualTo(404);
        assertThat(manager.api().delete(secondUrl).status()).isEqualTo(204);
        assertThat(ana.api().get(attachments(key, taskId)).body().size()).isZero();
        assertThat(rows(key)).isZero();
        assertThat(filesOnDisk()).isEqualTo(filesBefore - 2);
        assertThat(ana.api().delete(secondUrl).status()).isEqualTo(404);

        // The activity log (and the task's history) records each upload and delete, by whom.
        JsonNode activity = owner.api()
                .get("/api/v1/projects/" + key + "/activity?kind=attachment&size=50")
                .body()
                .get("items");
        assertThat(activity.valueStream()
                        .map(row -> row.get("action").asString() + " "
                                + row.get("label").asString()))
                .containsExactlyInAnyOrder("created a.txt", "created b.txt", "deleted a.txt", "deleted b.txt");
        assertThat(activity.get(0).get("changes").valueStream().map(change -> change.get("field")
                        .asString()))
                .as("the file's name, size, type and checksum, not the server's name for it on disk")
                .contains("name", "size_bytes", "content_type", "sha256")
                .doesNotContain("storage_key");
        assertThat(owner.api()
                        .get("/api/v1/projects/" + key + "/tasks/" + taskId + "/history")
                        .body()
                        .valueStream()
                        .filter(row -> "attachment".equals(row.get("entity").asString()))
                        .count())
                .isEqualTo(4);
    }

    @Test
    void filesOfADeletedTaskAreSweptAwayAndFilesStillInUseStay() throws Exception {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long doomed =
                createTask(owner.api(), key, json("name", "Doomed")).get("id").asLong();
        long kept = createTask(owner.api(), key, json("name", "Kept")).get("id").asLong();
        long gone = owner.api()
                .upload(attachments(key, doomed), "old.txt", "old".getBytes(), Map.of())
                .body()
                .get("id")
                .asLong();
        long stays = owner.api()
                .upload(attachments(key, kept), "new.txt", "new".getBytes(), Map.of())
                .body()
                .get("id")
                .asLong();
        Path goneFile = fileOf(gone);
        Path staysFile = fileOf(stays);
        assertThat(goneFile).exists();

        assertThat(owner.api()
                        .delete("/api/v1/projects/" + key + "/tasks/" + doomed)
                        .status())
                .isEqualTo(204);
        assertThat(goneFile)
                .as("the database cannot delete files: the row went by cascade")
                .exists();

        sweep.sweep(java.time.Duration.ZERO);
        assertThat(goneFile).doesNotExist();
        assertThat(staysFile).exists();
        HttpResponse<byte[]> still = download(owner, "/api/v1/projects/" + key + "/attachments/" + stays);
        assertThat(still.body()).isEqualTo("new".getBytes());
    }

    private Path fileOf(long id) {
        String storageKey = jdbc.sql("select storage_key from task_attachment where id = ?")
                .param(id)
                .query(String.class)
                .single();
        return store.root().resolve(storageKey.substring(0, 2)).resolve(storageKey);
    }
}
