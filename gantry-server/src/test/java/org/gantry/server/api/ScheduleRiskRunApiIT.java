package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Monte Carlo runs in the background through the API: a run is queued (202 with its Location), runs with a
 * progress that only grows and reaches 100, and ends with exactly the report the synchronous endpoint gives
 * for the same request and seed; one run at a time per project (409 with the running one); listing newest
 * first and paged; deletion by its starter, owners and managers only; another project's run is 404; a
 * stored report stays as it was when the plan changes; a run left RUNNING by a dead server is marked FAILED.
 */
class ScheduleRiskRunApiIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    record Plan(TestUser owner, String key, List<Long> tasks) {
        String runs() {
            return "/api/v1/projects/" + key + "/schedule-risk/runs";
        }

        ApiClient api() {
            return owner.api();
        }
    }

    /** {@code chains} chains of {@code length} tasks of 1 to 5 days each. */
    private Plan plan(int chains, int length) {
        TestUser owner = newUser("mc-owner");
        String key = newKey();
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Runs " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<Long> tasks = new ArrayList<>();
        for (int chain = 0; chain < chains; chain++) {
            Long previous = null;
            for (int i = 0; i < length; i++) {
                long id = createTask(
                                owner.api(),
                                key,
                                json("name", "T" + chain + "." + i, "duration", (1 + (chain + i) % 5) + "d"))
                        .get("id")
                        .asLong();
                if (previous != null) {
                    Response link = owner.api()
                            .post(
                                    "/api/v1/projects/" + key + "/links",
                                    json("predecessorId", previous, "successorId", id));
                    assertThat(link.status()).as(link.toString()).isEqualTo(201);
                }
                previous = id;
                tasks.add(id);
            }
        }
        return new Plan(owner, key, tasks);
    }

    private static JsonNode status(Response response, int expected) {
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        return response.body();
    }

    /** Polls the run until it is DONE or FAILED, every 15 ms, and answers every state seen. */
    private static List<JsonNode> follow(ApiClient api, String location) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode run = status(api.get(location), 200);
            seen.add(run);
            String state = run.get("state").asString();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return seen;
            }
            Thread.sleep(15);
        }
        throw new AssertionError("the run did not end in a minute: " + seen.get(seen.size() - 1));
    }

    private static JsonNode last(List<JsonNode> seen) {
        return seen.get(seen.size() - 1);
    }

    private static JsonNode withoutTiming(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("millis");
        return copy;
    }

    @Test
    void aBackgroundRunReportsItsProgressAndEndsWithTheSynchronousReport() throws Exception {
        Plan plan = plan(10, 10);
        Map<String, Object> request = json(
                "iterations",
                100_000,
                "seed",
                7,
                "distribution",
                "PERT",
                "optimisticPercent",
                80,
                "pessimisticPercent",
                150,
                "deadline",
                "2026-04-30");

        Response started = plan.api().post(plan.runs(), request);
        Response second = plan.api().post(plan.runs(), json("iterations", 100));

        JsonNode queued = status(started, 202);
        long id = queued.get("id").asLong();
        String location = started.header("Location");
        assertThat(location).endsWith(plan.runs() + "/" + id);
        assertThat(queued.get("state").asString()).isIn("QUEUED", "RUNNING");
        assertThat(queued.get("iterations").asInt()).isEqualTo(100_000);
        assertThat(queued.get("request").get("seed").asLong()).isEqualTo(7);
        assertThat(queued.get("request").get("includeRisks").asBoolean()).isTrue();
        assertThat(queued.get("startedById").asLong()).isEqualTo(plan.owner().id());
        // One run at a time: the second start is refused and names the running one.
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.body().get("current").get("id").asLong()).isEqualTo(id);

        List<JsonNode> seen = follow(plan.api(), plan.runs() + "/" + id);
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("completedRuns").asInt()).isEqualTo(100_000);
        assertThat(done.get("finishedAt").isNull()).isFalse();
        List<Integer> progress = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (JsonNode run : seen) {
            progress.add(run.get("progress").asInt());
            if (states.isEmpty()
                    || !states.get(states.size() - 1).equals(run.get("state").asString())) {
                states.add(run.get("state").asString());
            }
        }
        assertThat(progress).isSorted();
        assertThat(progress.subList(0, progress.size() - 1)).allMatch(value -> value < 100);
        assertThat(List.of("QUEUED", "RUNNING", "DONE")).containsSubsequence(states);

        JsonNode synchronous =
                status(plan.api().post("/api/v1/projects/" + plan.key() + "/schedule-risk", request), 200);
        assertThat(withoutTiming(done.get("report"))).isEqualTo(withoutTiming(synchronous));
        assertThat(done.get("p80").asString()).isEqualTo(synchronous.get("p80").asString());
        assertThat(done.get("report").get("tornado")).isNotEmpty();

        // Done, the project takes another run.
        JsonNode next = status(plan.api().post(plan.runs(), json("iterations", 100)), 202);
        assertThat(last(follow(plan.api(), plan.runs() + "/" + next.get("id").asLong()))
                        .get("state")
                        .asString())
                .isEqualTo("DONE");
    }

    @Test
    void runsAreListedNewestFirstAndDeletedByTheirStarterOwnersAndManagers() throws Exception {
        Plan plan = plan(1, 3);
        TestUser member = newUser("mc-member");
        TestUser other = newUser("mc-other-member");
        TestUser manager = newUser("mc-manager");
        addMember(plan.api(), plan.key(), member, "MEMBER");
        addMember(plan.api(), plan.key(), other, "MEMBER");
        addMember(plan.api(), plan.key(), manager, "MANAGER");
        long first = status(plan.api().post(plan.runs(), json("iterations", 200, "seed", 1)), 202)
                .get("id")
                .asLong();
        follow(plan.api(), plan.runs() + "/" + first);
        long second = status(member.api().post(plan.runs(), json("iterations", 300, "seed", 2)), 202)
                .get("id")
                .asLong();
        follow(plan.api(), plan.runs() + "/" + second);

        JsonNode page = status(other.api().get(plan.runs() + "?size=1"), 200);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("id").asLong()).isEqualTo(second);
        assertThat(newest.get("startedByName").asString()).isNotBlank();
        assertThat(newest.get("iterations").asInt()).isEqualTo(300);
        assertThat(newest.get("p80").isNull()).isFalse();
        assertThat(newest.get("report").isNull())
                .as("lists leave the report out")
                .isTrue();
        assertThat(status(other.api().get(plan.runs() + "?size=1&page=1"), 200)
                        .get("items")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(first);

        assertThat(other.api().delete(plan.runs() + "/" + second).status()).isEqualTo(403);
        assertThat(member.api().delete(plan.runs() + "/" + first).status()).isEqualTo(403);
        assertThat(member.api().delete(plan.runs() + "/" + second).status()).isEqualTo(204);
        assertThat(manager.api().delete(plan.runs() + "/" + first).status()).isEqualTo(204);
        assertThat(plan.api().get(plan.runs() + "/" + second).status()).isEqualTo(404);
        assertThat(status(plan.api().get(plan.runs()), 200).get("total").asLong())
                .isZero();
    }

    @Test
    void badRequestsNameTheirFieldsAndStoreNothing() {
        Plan plan = plan(1, 2);

        Response tooFew = plan.api().post(plan.runs(), json("iterations", 99, "distribution", "BETA"));
        Response tooMany = plan.api().post(plan.runs(), json("iterations", 100_001));
        Response badSeed = plan.api().post(plan.runs(), json("seed", "seven"));
        Response badTask = plan.api()
                .post(
                        plan.runs(),
                        json("estimates", List.of(json("taskId", 1, "optimisticDays", 3, "mostLikelyDays", 2))));
        Response badPage = plan.api().get(plan.runs() + "?size=0&page=-1");

        assertThat(errorFields(tooFew)).containsExactlyInAnyOrder("iterations", "distribution");
        assertThat(tooFew.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(tooMany)).containsExactly("iterations");
        assertThat(badSeed.status()).isEqualTo(400);
        assertThat(errorFields(badSeed)).containsExactly("seed");
        assertThat(badTask.status()).isEqualTo(400);
        assertThat(errorFields(badTask)).contains("estimates[0].taskId");
        assertThat(errorFields(badPage)).containsExactlyInAnyOrder("size", "page");
        assertThat(status(plan.api().get(plan.runs()), 200).get("total").asLong())
                .isZero();
    }

    @Test
    void anotherProjectsRunIsNotFound() throws Exception {
        Plan plan = plan(1, 2);
        Plan elsewhere = plan(1, 2);
        addMember(elsewhere.api(), elsewhere.key(), plan.owner(), "OWNER");
        long id = status(plan.api().post(plan.runs(), json("iterations", 100)), 202)
                .get("id")
                .asLong();
        follow(plan.api(), plan.runs() + "/" + id);

        assertThat(plan.api().get(elsewhere.runs() + "/" + id).status()).isEqualTo(404);
        assertThat(plan.api().delete(elsewhere.runs() + "/" + id).status()).isEqualTo(404);
        assertThat(elsewhere.api().get(plan.runs() + "/" + id).status()).isEqualTo(404);
        assertThat(elsewhere.api().get(plan.runs()).status()).isEqualTo(404);
        assertThat(status(plan.api().get(plan.runs() + "/" + id), 200)
                        .get("state")
                        .asString())
                .isEqualTo("DONE");
    }

    @Test
    void aStoredRunKeepsItsReportWhenThePlanChanges() throws Exception {
        Plan plan = plan(1, 3);
        Map<String, Object> request = json("iterations", 2_000, "seed", 3);
        long id = status(plan.api().post(plan.runs(), request), 202).get("id").asLong();
        JsonNode before = last(follow(plan.api(), plan.runs() + "/" + id)).get("report");

        long last = plan.tasks().get(2);
        String task = "/api/v1/projects/" + plan.key() + "/tasks/" + last;
        int version = status(plan.api().get(task), 200).get("version").asInt();
        status(plan.api().patch(task, json("duration", "20d", "version", version)), 200);
        JsonNode now = status(plan.api().post("/api/v1/projects/" + plan.key() + "/schedule-risk", request), 200);

        JsonNode stored = status(plan.api().get(plan.runs() + "/" + id), 200).get("report");
        assertThat(stored).isEqualTo(before);
        assertThat(now.get("p80").asString()).isNotEqualTo(stored.get("p80").asString());
    }

    @Test
    void aRunLeftRunningByAStoppedServerIsMarkedFailed() throws Exception {
        Plan plan = plan(1, 2);
        long projectId = status(plan.api().get("/api/v1/projects/" + plan.key()), 200)
                .get("id")
                .asLong();
        long id = jdbc.sql("insert into schedule_risk_run (project_id, started_by, request, iterations, seed,"
                        + " distribution, state, progress, instance, started_at, heartbeat_at) values (:project, :user,"
                        + " '{\"iterations\": 100, \"seed\": 1}', 100, 1, 'TRIANGULAR', 'RUNNING', 40, 'gone',"
                        + " now() - interval '10 minutes', now() - interval '10 minutes') returning id")
                .param("project", projectId)
                .param("user", plan.owner().id())
                .query(Long.class)
                .single();

        JsonNode failed = last(follow(plan.api(), plan.runs() + "/" + id));

        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("stopped before it finished");
        // A failed run no longer blocks the project.
        assertThat(plan.api().post(plan.runs(), json("iterations", 100)).status())
                .isEqualTo(202);
    }
}
