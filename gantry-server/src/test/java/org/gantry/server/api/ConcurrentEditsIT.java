package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Creates sent to one project at the same time by one caller are committed together (one transaction, one
 * reschedule), and the outcome is the one they would have had one after the other: each gets its own answer
 * with the computed dates, and a failing one among them answers its own error while the others are kept.
 * The test holds the project's PostgreSQL lock while the creates arrive, so that they queue and are taken
 * as one batch, then lets them through.
 */
class ConcurrentEditsIT extends ApiIntegrationTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void createsSentAtOnceAreCommittedTogetherWithTheDatesTheyWouldHaveHadOneAfterTheOther() throws Exception {
        TestUser owner = newUser("together");
        ApiClient api = owner.api();
        String key = newProjectStarting(api, "Together", MONDAY);
        createTask(api, key, json("name", "Kick-off", "duration", "2d"));
        List<Map<String, Object>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(json("name", "Work package " + i, "duration", (i + 1) + "d", "percentComplete", i * 10));
        }
        double commitsBefore = batches().count();
        double editsBefore = batches().totalAmount();

        List<Response> answers = sentWhileTheProjectIsLocked(api, key, creates);

        assertThat(batches().totalAmount() - editsBefore).isEqualTo(creates.size());
        assertThat(batches().count() - commitsBefore)
                .as("the creates that queued were committed together")
                .isLessThan(creates.size());
        // The same creates one after the other, in a project starting on the same day.
        String control = newProjectStarting(api, "One by one", MONDAY);
        createTask(api, control, json("name", "Kick-off", "duration", "2d"));
        for (int i = 0; i < creates.size(); i++) {
            Response answer = answers.get(i);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            JsonNode task = answer.body();
            JsonNode alone = createTask(api, control, creates.get(i));
            assertThat(task.get("name").asString()).isEqualTo("Work package " + i);
            assertThat(task.get("percentComplete").asInt()).isEqualTo(i * 10);
            assertThat(task.get("start").asString())
                    .as("the answer carries the computed dates")
                    .isEqualTo(alone.get("start").asString())
                    .startsWith(MONDAY.toString());
            assertThat(task.get("finish").asString())
                    .isEqualTo(alone.get("finish").asString());
            JsonNode stored = ok(api.get(
                    "/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong()));
            assertThat(stored.get("finish").asString())
                    .isEqualTo(task.get("finish").asString());
            assertThat(stored.get("version").asInt())
                    .isEqualTo(task.get("version").asInt());
        }
        assertThat(outline(api, key))
                .as("each create took the next place in the outline")
                .hasSize(creates.size() + 1)
                .doesNotHaveDuplicates();
        assertThat(answers.stream().map(answer -> answer.body().get("wbs").asString()))
                .doesNotHaveDuplicates();
    }

    @Test
    void aFailingCreateAmongConcurrentOnesAnswersItsOwnErrorAndTheOthersAreKept() throws Exception {
        TestUser owner = newUser("together-failing");
        ApiClient api = owner.api();
        String key = newProjectStarting(api, "Together failing", MONDAY);
        List<Map<String, Object>> creates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creates.add(
                    i == 3
                            ? json("name", "Too far along", "duration", "1d", "percentComplete", 150)
                            : json("name", "Fine " + i, "duration", "1d"));
        }
        double commitsBefore = batches().count();

        List<Response> answers = sentWhileTheProjectIsLocked(api, key, creates);

        assertThat(batches().count() - commitsBefore).isLessThan(creates.size());
        for (int i = 0; i < creates.size(); i++) {
            Response answer = answers.get(i);
            if (i == 3) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
                assertThat(answer.body().get("title").asString()).isNotBlank();
                assertThat(errorFields(answer)).containsExactly("percentComplete");
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                assertThat(answer.body().get("name").asString()).isEqualTo("Fine " + i);
                assertThat(answer.body().get("finish").asString()).isEqualTo(MONDAY + "T17:00:00");
            }
        }
        JsonNode tasks = ok(api.get("/api/v1/projects/" + key + "/tasks"));
        List<String> names = new ArrayList<>();
        tasks.get("items").forEach(task -> names.add(task.get("name").asString()));
        assertThat(names)
                .as("the good creates are kept once each, the bad one left nothing behind")
                .containsExactlyInAnyOrder("Fine 0", "Fine 1", "Fine 2", "Fine 4", "Fine 5");
    }

    /**
     * Sends the creates at once while this test holds the project's lock, waits until all but the first
     * are queued behind the one that is waiting for the lock, lets them through, and gives the answers in
     * the order of {@code creates}.
     */
    private List<Response> sentWhileTheProjectIsLocked(ApiClient api, String key, List<Map<String, Object>> creates)
            throws Exception {
        long projectId = ok(api.get("/api/v1/projects/" + key)).get("id").asLong();
        ExecutorService senders = Executors.newFixedThreadPool(creates.size());
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, "select pg_advisory_lock(?)", projectId);
            List<CompletableFuture<Response>> sent = new ArrayList<>();
            try {
                for (Map<String, Object> create : creates) {
                    sent.add(CompletableFuture.supplyAsync(
                            () -> api.post("/api/v1/projects/" + key + "/tasks", create), senders));
                }
                long patience = System.nanoTime() + 20_000_000_000L;
                while (waiting() < creates.size() - 2 && System.nanoTime() < patience) {
                    Thread.sleep(20);
                }
                assertThat(waiting()).as("creates queued behind the lock").isGreaterThanOrEqualTo(creates.size() - 2);
                Thread.sleep(200);
            } finally {
                lock(connection, "select pg_advisory_unlock(?)", projectId);
            }
            List<Response> answers = new ArrayList<>();
            for (CompletableFuture<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            senders.shutdownNow();
        }
    }

    private static void lock(Connection connection, String sql, long projectId) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, projectId);
            statement.execute();
        }
    }

    private double waiting() {
        return meters.get("gantry.edits.waiting").gauge().value();
    }

    private DistributionSummary batches() {
        return meters.get("gantry.edits.batch").summary();
    }
}
