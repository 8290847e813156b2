package org.gantry.server.schedule;

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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.interchange.DateDifference;
import org.gantry.interchange.ImportedPlan;
import org.gantry.interchange.PlanReader;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.ProjectFileImport;
import org.gantry.server.api.GantryIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mpxj.ProjectFile;
import org.mpxj.reader.UniversalProjectReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the files Microsoft Project saved (../shared/oracles/msproject) into the server choosing Gantry's
 * dates and checks that the dates the server stores (the import reschedules the new project) are the ones
 * the import report promised: the report's Gantry start and finish for the tasks it lists, the file's dates
 * for the others (or, where the report judged them the same working instant, the engine's exact ones); and
 * that rescheduling again, as the next edit does, moves nothing. Counts the files that agree on every task
 * and prints the first differences of the others; a floor, not all-pass. All 401 files take one to two and a half minutes.
 */
@Tag("oracle")
@GantryIntegrationTest
class ImportedDatesOracleIT {
    /** Files agreeing on every task today. Raise it when more agree. */
    private static final int AGREEING_FLOOR = 332;

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String token;

    record Reply(int status, String text) {
        JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private void logIn() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "email", "admin@gantry.test", "password", "admin-password-1", "name", "oracle"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        token = JSON.readTree(response.body()).get("token").asString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A key of its own for each file: several files carry the same project name. */
    private Reply upload(String fileName, byte[] content, String key) throws Exception {
        String boundary = "gantry-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/api/v1/projects/import?dates=gantry&key=" + key))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    record Stored(String name, LocalDateTime start, LocalDateTime finish) {}

    @Test
    void theServerStoresTheDatesTheImportReportPromised() throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        Path folder = Path.of(oracles, "msproject");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        logIn();
        String run = Long.toString(System.currentTimeMillis() % 46656, 36).toUpperCase(java.util.Locale.ROOT);
        long began = System.nanoTime();
        int tried = 0;
        int agree = 0;
        List<String> differences = new ArrayList<>();
        for (Path path : files) {
            String name = folder.relativize(path).toString();
            byte[] bytes = Files.readAllBytes(path);
            ImportedPlan promised;
            ProjectFile file;
            try {
                promised = PlanReader.readWithReport(
                        new ByteArrayInputStream(bytes), path.getFileName().toString());
                file = new UniversalProjectReader().read(new ByteArrayInputStream(bytes));
            } catch (Exception e) {
                continue;
            }
            if (promised.report() == null || promised.report().problem() != null || file == null) {
                // No schedule was promised (no project start, a loop): nothing to compare.
                continue;
            }
            tried++;
            Reply imported = upload(path.getFileName().toString(), bytes, "O" + run + tried);
            if (imported.status() != 201) {
                differences.add(name + ": import answered " + imported.status() + " " + imported.text());
                continue;
            }
            String key = imported.json().get("projectKey").asString();
            // The import schedules the project as it commits (PlanImported); what it stored is compared.
            String difference = compare(key, promised, engineDates(file));
            // The next edit reschedules: it must not move what the import stored.
            Reply rescheduled = send(HttpRequest.newBuilder(uri("/api/v1/projects/" + key + "/reschedule"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (difference == null && rescheduled.status() != 200) {
                difference = "reschedule answered " + rescheduled.status() + " " + rescheduled.text();
            } else if (difference == null) {
                long moved = rescheduled
                        .json()
                        .get("changed")
                        .valueStream()
                        .filter(task -> task.get("moved").asBoolean())
                        .count();
                if (moved > 0) {
                    difference = "the next reschedule moved " + moved + " tasks";
                }
            }
            if (difference == null) {
                agree++;
            } else {
                differences.add(name + ": " + difference);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        differences.forEach(System.out::println);
        System.out.printf("%d agree, %d differ (of %d files tried, %.0f s)%n", agree, tried - agree, tried, seconds);
        assertThat(tried).isGreaterThan(300);
        assertThat(agree).isGreaterThanOrEqualTo(AGREEING_FLOOR);
    }

    /** The engine's dates for the file's tasks, as the report computed them, by task key. */
    private static Map<String, ScheduledTask> engineDates(ProjectFile file) {
        try {
            Schedule schedule =
                    Scheduler.schedule(ProjectFileImport.convert(file).network());
            Map<String, ScheduledTask> byKey = new HashMap<>();
            schedule.tasks().forEach((id, task) -> byKey.put(id.value(), task));
            return byKey;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The first few tasks whose stored dates are not the promised ones, or null when all agree. */
    private String compare(String key, ImportedPlan promised, Map<String, ScheduledTask> engine) {
        List<Stored> stored = jdbc.sql("select t.name, t.start_at, t.finish_at from task t join project p"
                        + " on p.id = t.project_id where p.project_key = ? order by t.outline_path")
                .param(key)
                .query((rs, n) -> new Stored(
                        rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class)))
                .list();
        List<PlanTask> tasks = promised.plan().tasks();
        if (stored.size() != tasks.size()) {
            return "the server holds " + stored.size() + " tasks, the file " + tasks.size();
        }
        Map<String, DateDifference> listed = new HashMap<>();
        promised.report().differences().forEach(d -> listed.put(d.taskKey(), d));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            PlanTask task = tasks.get(i);
            Stored row = stored.get(i);
            DateDifference moved = listed.get(task.key());
            ScheduledTask ours = engine.get(task.key());
            boolean same;
            String wanted;
            if (moved != null) {
                same = Objects.equals(row.start(), moved.gantryStart())
                        && Objects.equals(row.finish(), finishAtOrAfter(moved.gantryStart(), moved.gantryFinish()));
                wanted = moved.gantryStart() + ".." + moved.gantryFinish() + " (report)";
            } else {
                boolean sameAsFile = Objects.equals(row.start(), task.start())
                        && Objects.equals(row.finish(), finishAtOrAfter(task.start(), task.finish()));
                boolean sameAsEngine = ours != null
                        && Objects.equals(row.start(), ours.start())
                        && Objects.equals(row.finish(), ours.finish());
                same = sameAsFile || sameAsEngine;
                wanted = task.start() + ".." + task.finish() + " (file)";
            }
            if (!same) {
                wrong.add("'" + task.name() + "' " + row.start() + ".." + row.finish() + ", promised " + wanted);
            }
        }
        if (wrong.isEmpty()) {
            return null;
        }
        return wrong.size() + " of " + tasks.size() + " tasks differ, e.g. "
                + String.join("; ", wrong.subList(0, Math.min(3, wrong.size())));
    }

    /** The import stores a finish before its start as the start. */
    private static LocalDateTime finishAtOrAfter(LocalDateTime start, LocalDateTime finish) {
        return start != null && finish != null && finish.isBefore(start) ? start : finish;
    }
}
