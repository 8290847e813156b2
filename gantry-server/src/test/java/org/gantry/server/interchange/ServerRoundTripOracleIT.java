package org.gantry.server.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.gantry.interchange.ImportFailure;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanComparison;
import org.gantry.interchange.PlanReader;
import org.gantry.server.api.GantryIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's round trip over the files Microsoft Project saved (../shared/oracles/msproject, all of them):
 * each file is read with {@link PlanReader} (the expected plan), uploaded to {@code POST
 * /api/v1/projects/import?dates=file} as a user would, exported with {@code GET
 * /api/v1/projects/{key}/export?format=mspdi}, read back and compared field by field with
 * {@link PlanComparison#compareByOrder} (the export names rows by database id, so rows are matched by order):
 * tasks, links, calendars, resources, assignments, baselines, and the project's calendar and status date. The
 * XER, CSV and Excel exports of each imported project must download too.
 *
 * <p>What the server knowingly does not keep as the file had it shows here as differences, not exclusions:
 * elapsed and month units on lags (shown in working units), percentage lags (fixed at import), duplicate
 * links or links between a summary and its own subtasks (dropped). A task's own WBS code and its elapsed or
 * month unit are kept beside Gantry's outline number and working unit (task.source_wbs, source_duration_unit)
 * and go back out while the task is where, and as long as, the file had it. The project's other properties (author, the length of a day for display,
 * currency symbol, finish) are not compared: they are the project's settings, not the plan's rows. Files that
 * hold no tasks and no resources (calendar-only files) are refused by the import with a 4xx, as the API says,
 * and counted as refused.
 */
@Tag("oracle")
@GantryIntegrationTest
class ServerRoundTripOracleIT {
    /**
     * Files that passed when measured (all 359 importable, since the file's WBS codes and task duration units are
     * kept); the test fails when a change loses one.
     */
    private static final int PASSING_FLOOR = 359;

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String token;

    @Test
    void everyOracleFileComesBackFromTheServerWithTheSameRows() throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        Path folder = Path.of(oracles, "msproject");
        assertThat(Files.isDirectory(folder)).as(folder + " exists").isTrue();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(mpp|mpx|xml)"))
                    .sorted()
                    .toList();
        }
        int passed = 0;
        int failed = 0;
        int refused = 0;
        Map<String, Integer> byField = new TreeMap<>();
        Map<String, String> exampleByField = new TreeMap<>();
        Map<String, Integer> notKept = new TreeMap<>();
        long began = System.nanoTime();
        int number = 0;
        for (Path file : files) {
            number++;
            String name = folder.relativize(file).toString();
            byte[] bytes = Files.readAllBytes(file);
            String fileName = file.getFileName().toString();
            Plan expected;
            try {
                expected = PlanReader.read(
                        new ByteArrayInputStream(bytes), file.getFileName().toString());
            } catch (ImportFailure e) {
                Reply reply = upload("/api/v1/projects/import?dates=file&key=RT" + number, fileName, bytes);
                assertThat(reply.status()).as(name + ": " + reply.text()).isBetween(400, 499);
                refused++;
                System.out.println("REFUSED " + name + " (" + reply.status() + ": " + e.reason() + ")");
                continue;
            }
            Reply imported = upload("/api/v1/projects/import?dates=file&key=RT" + number, fileName, bytes);
            if (imported.status() != 201) {
                failed++;
                System.out.println("FAIL " + name + ": import answered " + imported.status() + " " + imported.text());
                continue;
            }
            JsonNode summary = JSON.readTree(imported.text());
            String key = summary.get("projectKey").asString();
            for (JsonNode line : summary.get("notKept")) {
                notKept.merge(
                        line.asString().replaceAll("[0-9]+", "N").replaceAll(", e\\.g\\. .*", ""), 1, Integer::sum);
            }
            Reply exported = get("/api/v1/projects/" + key + "/export?format=mspdi");
            assertThat(exported.status()).as(name + ": " + exported.text()).isEqualTo(200);
            for (String format : List.of("xer", "csv", "xlsx")) {
                Reply other = get("/api/v1/projects/" + key + "/export?format=" + format);
                assertThat(other.status())
                        .as(name + " as " + format + ": " + other.text())
                        .isEqualTo(200);
                assertThat(other.body()).as(name + " as " + format).isNotEmpty();
            }
            Plan back = PlanReader.read(new ByteArrayInputStream(exported.body()), key + ".xml");
            List<PlanComparison.Difference> differences = PlanComparison.compareByOrder(expected, back);
            if (differences.isEmpty()) {
                passed++;
                System.out.println("PASS " + name + " (" + expected.tasks().size() + " tasks)");
            } else {
                failed++;
                System.out.println("FAIL " + name + ": " + differences.get(0).describe()
                        + (differences.size() > 1 ? " (+" + (differences.size() - 1) + " more)" : ""));
                List<String> seen = new ArrayList<>();
                for (PlanComparison.Difference difference : differences) {
                    String field = difference.kindAndField();
                    if (!seen.contains(field)) {
                        seen.add(field);
                        byField.merge(field, 1, Integer::sum);
                        exampleByField.putIfAbsent(field, name + ": " + difference.describe());
                    }
                }
            }
        }
        long seconds = (System.nanoTime() - began) / 1_000_000_000L;
        System.out.println("Remaining differences by field (files):");
        byField.forEach((field, count) ->
                System.out.println("  " + field + ": " + count + ", e.g. " + exampleByField.get(field)));
        System.out.println("The import reports' 'not kept' lines (files):");
        notKept.forEach((line, count) -> System.out.println("  " + count + " x " + line));
        System.out.println("server round trip: " + passed + " passed, " + failed + " failed, " + refused
                + " refused (no tasks and no resources), of " + files.size() + " files in " + seconds + " s");
        assertThat(passed + failed + refused).isEqualTo(files.size());
        assertThat(passed).isGreaterThanOrEqualTo(PASSING_FLOOR);
    }

    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private String token() throws Exception {
        if (token == null) {
            Reply reply = send(HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                            "email", "admin@gantry.test", "password", "admin-password-1", "name", "round trip"))))
                    .build());
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            token = JSON.readTree(reply.text()).get("token").asString();
        }
        return token;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body());
    }

    private Reply upload(String path, String fileName, byte[] content) throws Exception {
        String boundary = "gantry-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName.replace('"', '_') + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token())
                .GET()
                .build());
    }
}
