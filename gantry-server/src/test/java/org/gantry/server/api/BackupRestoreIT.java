package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code backup FILE} and {@code restore FILE} through the built jar, as an operator runs them: a server
 * with the demo project, a comment and an attachment is stopped and backed up; the backup is restored
 * into an empty data folder, and a server started there answers every read exactly as the first one did,
 * the attachment's bytes and the old API token included.
 */
class BackupRestoreIT {

    private static final String ADMIN_EMAIL = "backup-admin@gantry.test";
    private static final String ADMIN_PASSWORD = "backup-test-admin-passphrase";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path original;

    @TempDir
    Path restored;

    @TempDir
    Path backups;

    @Test
    void aBackupRestoredIntoAnEmptyDataFolderGivesBackEveryProjectIdentically() throws Exception {
        Path backup = backups.resolve("gantry.zip");
        Map<String, JsonNode> before;
        byte[] attachmentBefore;
        String token;
        String attachmentUrl;
        try (GantryJar first = new GantryJar(original, "backup-original")) {
            first.start(Map.of(
                    "GANTRY_ADMIN_EMAIL", ADMIN_EMAIL,
                    "GANTRY_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "GANTRY_DEMO", "true"));
            token = adminToken(first);
            ApiClient api = first.api(token);
            awaitDemoProject(api);
            long taskId = api.get("/api/v1/projects/DEMO/tasks?size=1")
                    .body()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asLong();
            Response comment = api.post(
                    "/api/v1/projects/DEMO/tasks/" + taskId + "/comments",
                    json("body", "Backed up **before** the move"));
            assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
            byte[] bytes = "Minutes of the steering committee\n".repeat(500).getBytes(StandardCharsets.UTF_8);
            Response attachment = api.upload(
                    "/api/v1/projects/DEMO/tasks/" + taskId + "/attachments", "minutes.txt", bytes, Map.of());
            assertThat(attachment.status()).as(attachment.toString()).isEqualTo(201);
            attachmentUrl = attachment.body().get("downloadUrl").asString();
            attachmentBefore = download(first, token, attachmentUrl);
            assertThat(attachmentBefore).isEqualTo(bytes);
            before = everything(api, taskId);

            GantryJar.Result whileRunning = first.run("backup", backup.toString());
            assertThat(whileRunning.exitCode())
                    .as("a backup of the embedded database while its server runs\n" + whileRunning.output())
                    .isEqualTo(1);
            assertThat(whileRunning.output()).contains("is in use by another running Gantry server");
            assertThat(backup).doesNotExist();

            first.stop();
            GantryJar.Result made = first.run("backup", backup.toString());
            assertThat(made.exitCode()).as(made.output()).isZero();
            assertThat(made.output()).containsPattern("Backed up \\d+ rows in \\d+ tables .* and 1 attachment files");
            assertThat(first.postmaster()).as("the backup stopped its database").isEmpty();
        }

        try (GantryJar second = new GantryJar(restored, "backup-restored")) {
            GantryJar.Result restore = second.run("restore", backup.toString());
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("Restored");

            GantryJar.Result again = second.run("restore", backup.toString());
            assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
            assertThat(again.output()).contains("The database is not empty");

            second.start(Map.of());
            ApiClient api = second.api(token);
            long taskId = before.get("first task").get("id").asLong();
            Map<String, JsonNode> after = everything(api, taskId);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (String read : before.keySet()) {
                assertThat(after.get(read).equals(before.get(read)))
                        .as(
                                "%s reads the same after the restore%nbefore: %.2000s%nafter:  %.2000s",
                                read, before.get(read), after.get(read))
                        .isTrue();
            }
            assertThat(download(second, token, attachmentUrl)).isEqualTo(attachmentBefore);

            // The restored server goes on where the first stopped: new rows get new ids.
            Response created = api.post("/api/v1/projects/DEMO/tasks", json("name", "After the restore"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.body().get("id").asLong()).isGreaterThan(maxTaskId(before.get("tasks")));
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndLeavesTheFolderEmpty() throws Exception {
        Path notABackup = Files.writeString(backups.resolve("notes.zip"), "not a zip at all");
        try (GantryJar jar = new GantryJar(restored, "backup-refused")) {
            GantryJar.Result result = jar.run("restore", notABackup.toString());
            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.output()).contains("is not a Gantry backup");
            GantryJar.Result missing =
                    jar.run("restore", backups.resolve("missing.zip").toString());
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.output()).contains("No backup file at");
            GantryJar.Result usage = jar.run("backup");
            assertThat(usage.exitCode()).isEqualTo(2);
            assertThat(usage.output()).contains("Usage: java -jar gantry-server.jar backup FILE | restore FILE");
        }
    }

    /** What the API shows of the demo project and of the task that has the comment and attachment. */
    private static Map<String, JsonNode> everything(ApiClient api, long taskId) {
        Map<String, JsonNode> reads = new LinkedHashMap<>();
        String project = "/api/v1/projects/DEMO";
        for (String path : List.of(
                "/api/v1/projects",
                project,
                project + "/tasks?size=500",
                project + "/links",
                project + "/members",
                project + "/resources",
                project + "/gantt",
                project + "/activity?size=200",
                project + "/tasks/" + taskId + "/comments",
                project + "/tasks/" + taskId + "/attachments",
                project + "/tasks/" + taskId + "/history",
                "/api/v1/users")) {
            Response response = api.get(path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
            JsonNode body = response.body();
            if (body.get("project") instanceof ObjectNode gantt) {
                gantt.remove("today"); // the clock's, not the data's
            }
            reads.put(path.equals(project + "/tasks?size=500") ? "tasks" : path, body);
        }
        reads.put("first task", reads.get("tasks").get("items").get(0));
        assertThat(reads.get("tasks").get("items").size())
                .as("the demo project's tasks")
                .isGreaterThan(10);
        return reads;
    }

    /** The demo project is made just after the server starts answering. */
    private static void awaitDemoProject(ApiClient api) throws InterruptedException {
        for (int attempt = 0; attempt < 240; attempt++) {
            Response tasks = api.get("/api/v1/projects/DEMO/tasks?size=1");
            if (tasks.status() == 200 && tasks.body().get("items").size() > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo project did not appear within two minutes");
    }

    private static long maxTaskId(JsonNode tasks) {
        return tasks.get("items")
                .valueStream()
                .mapToLong(task -> task.get("id").asLong())
                .max()
                .orElseThrow();
    }

    private static String adminToken(GantryJar jar) {
        Response response = jar.api(null)
                .post(
                        "/api/v1/auth/tokens",
                        json("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD, "name", "backup test"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("token").asString();
    }

    private static byte[] download(GantryJar jar, String token, String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(jar.baseUrl() + url))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
