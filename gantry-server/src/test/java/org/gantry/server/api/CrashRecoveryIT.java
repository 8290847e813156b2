package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Crash test: the built server jar runs as its own process on a data folder with the default
 * (durable) settings, takes a write load from several threads, and is killed with SIGKILL in the
 * middle of it, three times. After every restart each write the API acknowledged must be there.
 * Two kinds of crash: the Java process alone (its PostgreSQL lives on as an orphan, which the restart
 * must stop first), and the Java process together with every PostgreSQL process (the database loses
 * whatever it acknowledged without writing it to the log: with synchronous commit off that is the last
 * fraction of a second of writes). {@code -Dgantry.crash-test.durable=false} runs the same against the
 * non-durable demo settings, to see the test fail.
 */
class CrashRecoveryIT {

    private static final String ADMIN_EMAIL = "crash-admin@gantry.test";
    private static final String ADMIN_PASSWORD = "crash-test-admin-passphrase";
    private static final int WRITERS = 4;
    private static final int WRITES_BEFORE_KILL = 120;
    /** The kill comes after this many acknowledged writes, or after this long on a very busy machine. */
    private static final Duration MAX_LOAD_BEFORE_KILL = Duration.ofSeconds(90);
    /** Writers stop by themselves after this long, whatever happens to the test. */
    private static final Duration WRITERS_GIVE_UP = Duration.ofMinutes(3);

    @TempDir
    Path dataFolder;

    private GantryJar jar;

    /** Task id to its name, for every create the API answered with 201. */
    private final Map<Long, String> acknowledgedCreates = new ConcurrentHashMap<>();

    /** Task id to the highest version an acknowledged update answered with. */
    private final Map<Long, Integer> acknowledgedVersions = new ConcurrentHashMap<>();

    private enum Crash {
        JAVA_ONLY,
        JAVA_AND_DATABASE
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillsOfTheServerAndItsDatabase() throws Exception {
        jar = new GantryJar(dataFolder, "crash-test");
        long began = System.nanoTime();
        start();
        assertDurableSettings();
        assertSecondServerOnTheSameFolderIsRefused();
        String token = adminToken();
        List<String> projects = List.of(newProject(token), newProject(token));

        List<Crash> crashes = List.of(Crash.JAVA_ONLY, Crash.JAVA_AND_DATABASE, Crash.JAVA_ONLY);
        for (int cycle = 1; cycle <= crashes.size(); cycle++) {
            Crash crash = crashes.get(cycle - 1);
            int createsBefore = acknowledgedCreates.size();
            int updatesBefore = acknowledgedVersions.size();
            int writes = loadThenKill(token, projects, cycle, crash);

            long restartBegan = System.nanoTime();
            start();
            long restartSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - restartBegan);

            Map<Long, JsonNode> stored = new HashMap<>();
            for (String project : projects) {
                stored.putAll(allTasks(token, project));
            }
            List<String> lost = lostWrites(stored);
            System.out.printf(
                    "Crash test cycle %d (%s): %d acknowledged writes (%d creates, %d tasks updated so far), %d lost;"
                            + " restart took %d s%n",
                    cycle,
                    crash,
                    writes,
                    acknowledgedCreates.size() - createsBefore,
                    acknowledgedVersions.size() - updatesBefore,
                    lost.size(),
                    restartSeconds);
            assertThat(lost)
                    .as("acknowledged writes missing after crash " + cycle)
                    .isEmpty();
        }
        System.out.printf(
                "Crash test: %d creates and %d updated tasks checked over %d kills, 0 lost, in %d s%n",
                acknowledgedCreates.size(),
                acknowledgedVersions.size(),
                crashes.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
    }

    /** Writes from several threads until enough are acknowledged, then kills the server mid-load. */
    private int loadThenKill(String token, List<String> projects, int cycle, Crash crash) throws Exception {
        ApiClient api = jar.api(token);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        long killAt = System.nanoTime() + MAX_LOAD_BEFORE_KILL.toNanos();
        long deadline = System.nanoTime() + WRITERS_GIVE_UP.toNanos();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String project = projects.get(w % projects.size());
            String prefix = "c" + cycle + "-w" + w + "-";
            Thread writer = new Thread(() -> write(api, project, prefix, stop, acknowledged, deadline), prefix);
            writer.start();
            writers.add(writer);
        }
        while (acknowledged.get() < WRITES_BEFORE_KILL && System.nanoTime() < killAt) {
            Thread.sleep(20);
        }
        assertThat(writers)
                .as("the load is still running when the server is killed")
                .allMatch(Thread::isAlive);
        Optional<ProcessHandle> postmaster = jar.postmaster();
        assertThat(postmaster).as("the server's PostgreSQL").isPresent();
        if (crash == Crash.JAVA_AND_DATABASE) {
            List<ProcessHandle> children = postmaster.get().children().toList();
            postmaster.get().destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        jar.kill();
        stop.set(true);
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(30).toMillis());
        }
        if (crash == Crash.JAVA_ONLY) {
            assertThat(postmaster.get().isAlive())
                    .as("PostgreSQL outlives the killed server (the restart must deal with it)")
                    .isTrue();
        }
        return acknowledged.get();
    }

    /** One writer: creates tasks and updates its own earlier ones; records only what was acknowledged. */
    private void write(
            ApiClient api,
            String project,
            String prefix,
            AtomicBoolean stop,
            AtomicInteger acknowledged,
            long deadline) {
        String tasks = "/api/v1/projects/" + project + "/tasks";
        List<Long> mine = new ArrayList<>();
        Map<Long, Integer> versions = new HashMap<>();
        for (int i = 0; !stop.get() && System.nanoTime() < deadline; i++) {
            try {
                String name = prefix + i;
                Response created = api.post(tasks, json("name", name));
                if (created.status() == 201) {
                    long id = created.body().get("id").asLong();
                    acknowledgedCreates.put(id, name);
                    mine.add(id);
                    versions.put(id, created.body().get("version").asInt());
                    acknowledged.incrementAndGet();
                }
                if (!mine.isEmpty()) {
                    long id = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
                    Response updated = api.patch(
                            tasks + "/" + id,
                            json(
                                    "percentComplete",
                                    i % 100,
                                    "description",
                                    "update " + i,
                                    "version",
                                    versions.get(id)));
                    if (updated.status() == 200) {
                        int version = updated.body().get("version").asInt();
                        versions.put(id, version);
                        acknowledgedVersions.merge(id, version, Math::max);
                        acknowledged.incrementAndGet();
                    }
                }
            } catch (IllegalStateException connectionLost) {
                // The server is gone: this request was not acknowledged. Keep trying until told to stop.
                sleepQuietly(Duration.ofMillis(50));
            }
        }
    }

    private List<String> lostWrites(Map<Long, JsonNode> stored) {
        List<String> lost = new ArrayList<>();
        acknowledgedCreates.forEach((id, name) -> {
            JsonNode task = stored.get(id);
            if (task == null || !name.equals(task.get("name").asString())) {
                lost.add("created task " + id + " (" + name + ")");
            }
        });
        acknowledgedVersions.forEach((id, version) -> {
            JsonNode task = stored.get(id);
            if (task == null || task.get("version").asInt() < version) {
                lost.add("update of task " + id + " to version " + version + " (stored: "
                        + (task == null ? "none" : task.get("version").asInt()) + ")");
            }
        });
        return lost;
    }

    private Map<Long, JsonNode> allTasks(String token, String project) {
        ApiClient api = jar.api(token);
        Map<Long, JsonNode> tasks = new HashMap<>();
        for (int page = 0; ; page++) {
            Response response = api.get("/api/v1/projects/" + project + "/tasks?size=500&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            List<JsonNode> items = response.body().get("items").valueStream().toList();
            items.forEach(task -> tasks.put(task.get("id").asLong(), task));
            if (items.size() < 500) {
                return tasks;
            }
        }
    }

    /** Starts the jar on the data folder and waits until it answers; after a crash, this is the restart. */
    private void start() throws Exception {
        Optional<ProcessHandle> orphan = jar.postmaster();
        jar.start(Map.of(
                "GANTRY_ADMIN_EMAIL",
                ADMIN_EMAIL,
                "GANTRY_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "GANTRY_DEMO",
                "false",
                "GANTRY_DB_DURABLE",
                System.getProperty("gantry.crash-test.durable", "true")));
        orphan.ifPresent(old -> assertThat(old.isAlive())
                .as("the orphaned PostgreSQL %d was stopped by the restart", old.pid())
                .isFalse());
    }

    /** A second server on the same data folder must refuse to start (and must not touch the database). */
    private void assertSecondServerOnTheSameFolderIsRefused() throws Exception {
        GantryJar.Result second = jar.run("--server.port=0");
        assertThat(second.exitCode()).isNotZero();
        assertThat(second.output()).contains("is in use by another running Gantry server");
        assertThat(jar.answering()).as("the first server still answers").isTrue();
    }

    /** The embedded PostgreSQL of a non-ephemeral start writes every commit to disk before answering. */
    private void assertDurableSettings() throws SQLException {
        int databasePort = Integer.parseInt(jar.pidFileLine(3).orElseThrow());
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = statement.executeQuery("show " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1))
                            .as(setting)
                            .isEqualTo(
                                    Boolean.parseBoolean(System.getProperty("gantry.crash-test.durable", "true"))
                                            ? "on"
                                            : "off");
                }
            }
        }
    }

    private String adminToken() {
        Response response = jar.api(null)
                .post(
                        "/api/v1/auth/tokens",
                        json("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD, "name", "crash test"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("token").asString();
    }

    private String newProject(String token) {
        String key = "CR" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Response created = jar.api(token).post("/api/v1/projects", json("key", key, "name", "Crash test " + key));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    /** Stops the server and its database whatever happened, so no test leaves a PostgreSQL behind. */
    @AfterEach
    void stopEverything() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
