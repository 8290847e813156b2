package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Levelling through the REST API as a project manager does it: two resources over-allocated by tasks that
 * overlap at 100 %, a preview that names every move and its reason with the finish before and after, an
 * apply that stores levelling delays the scheduler keeps on later edits, a clear, an undo, and a 409 on a
 * plan that changed since the preview.
 */
class LevellingApiIT extends ApiIntegrationTest {

    /** Monday 2 March 2026; the project calendar is Monday to Friday, 08:00-12:00 and 13:00-17:00. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private TestUser owner;
    private String project;
    private long ana;
    private long rig;
    private long build;
    private long review;
    private long calibrate;

    /**
     * Build (5 days) needs Ana and the rig, Review (3 days) Ana, Calibrate (2 days) the rig, all at 100 %
     * and all from the project start: Ana and the rig are both at 200 % for the first days.
     */
    @BeforeEach
    void twoResourcesOnOverlappingTasks() {
        owner = newUser("leveller");
        project = GantryApi.newProjectStarting(owner.api(), "Levelling", MONDAY);
        ana = created(owner.api().post(path("/resources"), json("name", "Ana")))
                .get("id")
                .asLong();
        rig = created(owner.api().post(path("/resources"), json("name", "Test rig")))
                .get("id")
                .asLong();
        build = GantryApi.taskId(owner.api(), project, json("name", "Build", "duration", "5d"));
        review = GantryApi.taskId(owner.api(), project, json("name", "Review", "duration", "3d"));
        calibrate = GantryApi.taskId(owner.api(), project, json("name", "Calibrate", "duration", "2d"));
        assign(build, ana);
        assign(build, rig);
        assign(review, ana);
        assign(calibrate, rig);
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
    }

    @Test
    void thePreviewNamesEveryMoveItsReasonAndTheFinishBeforeAndAfter() {
        JsonNode preview = ok(owner.api().get(path("/levelling/preview")));

        assertThat(preview.get("finishBefore").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(preview.get("finishAfter").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(preview.get("standardFinish").asString()).isEqualTo("2026-03-11T17:00:00");
        // The optimising mode cannot beat it here: Build holds both resources for 5 days, Review needs 3 more.
        assertThat(preview.get("optimisingFinish").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(preview.get("finishShiftMinutes").asLong()).isEqualTo(3 * 480);
        JsonNode moves = preview.get("moves");
        assertThat(moves.size()).isEqualTo(2);
        // Build has the least slack, so it keeps its dates; Review and Calibrate wait for it.
        JsonNode reviewMove = moves.get(0);
        assertThat(reviewMove.get("taskId").asLong()).isEqualTo(review);
        assertThat(reviewMove.get("startBefore").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(reviewMove.get("startAfter").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(reviewMove.get("finishAfter").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(reviewMove.get("shiftMinutes").asLong()).isEqualTo(5 * 480);
        assertThat(reviewMove.get("levellingDelayMinutes").asLong()).isEqualTo(7 * 1440);
        assertThat(reviewMove.get("cause").asString()).isEqualTo("RESOURCE");
        assertThat(reviewMove.get("resourceId").asLong()).isEqualTo(ana);
        assertThat(reviewMove.get("competingTasks").get(0).asLong()).isEqualTo(build);
        assertThat(reviewMove.get("reason").asString()).contains("Ana is over-allocated", "200 % of 100 %", "Build");
        JsonNode calibrateMove = moves.get(1);
        assertThat(calibrateMove.get("taskId").asLong()).isEqualTo(calibrate);
        assertThat(calibrateMove.get("startAfter").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(calibrateMove.get("resourceName").asString()).isEqualTo("Test rig");
        assertThat(preview.get("unresolved").size()).isZero();

        // Nothing was stored by the preview.
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(levelling(review).get("levellingDelayMinutes").asLong()).isZero();
    }

    @Test
    void withinSlackOnlyAndPriorityThousandAreReportedAndRespected() {
        JsonNode withinSlack = ok(owner.api().get(path("/levelling/preview?withinSlack=true")));
        assertThat(withinSlack.get("finishAfter").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(withinSlack.get("moves").size()).isZero();
        assertThat(withinSlack
                        .get("unresolved")
                        .valueStream()
                        .map(left -> left.get("taskId").asLong() + " "
                                + left.get("cause").asString())
                        .toList())
                .containsExactlyInAnyOrder(review + " NOT_ENOUGH_SLACK", calibrate + " NOT_ENOUGH_SLACK");

        // Review may not be levelled: it keeps its dates and Build waits for it instead.
        JsonNode reviewNow = levelling(review);
        JsonNode changed = ok(owner.api()
                .patch(
                        path("/tasks/" + review + "/levelling"),
                        json(
                                "priority",
                                1000,
                                "version",
                                reviewNow.get("version").asInt())));
        assertThat(changed.get("priority").asInt()).isEqualTo(1000);
        assertThat(task(review).get("priority").asString()).isEqualTo("CRITICAL");
        JsonNode preview = ok(owner.api().get(path("/levelling/preview?order=PRIORITY_THEN_STANDARD")));
        List<Long> moved = preview.get("moves")
                .valueStream()
                .map(move -> move.get("taskId").asLong())
                .toList();
        assertThat(moved).contains(build).doesNotContain(review);

        Response badPriority =
                owner.api().patch(path("/tasks/" + review + "/levelling"), json("priority", 1001, "version", 0));
        assertThat(GantryApi.errorFields(badPriority)).containsExactly("priority");
        Response badOrder = owner.api().get(path("/levelling/preview?order=RANDOM&mode=FAST"));
        assertThat(GantryApi.errorFields(badOrder)).containsExactlyInAnyOrder("order", "mode");
        Response foreignTask = owner.api().get(path("/levelling/preview?taskIds=" + Long.MAX_VALUE));
        assertThat(GantryApi.errorFields(foreignTask)).containsExactly("taskIds");
    }

    @Test
    void applyStoresTheDelaysTheSchedulerKeepsAndClearAndUndoRestoreThem() {
        JsonNode preview = ok(owner.api().get(path("/levelling/preview")));
        long version = preview.get("version").asLong();

        JsonNode applied = created(owner.api().post(path("/levelling"), json("version", version)));
        long run = applied.get("run").asLong();
        assertThat(applied.get("preview").get("finishAfter").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(applied.get("moved")
                        .valueStream()
                        .map(t -> t.get("id").asLong())
                        .toList())
                .contains(review, calibrate);
        // The stored levelling delay, and the later dates through the tasks API.
        JsonNode reviewLevelling = levelling(review);
        assertThat(reviewLevelling.get("levellingDelayMinutes").asLong()).isEqualTo(7 * 1440);
        assertThat(reviewLevelling.get("levellingDelayElapsed").asBoolean()).isTrue();
        assertThat(reviewLevelling.get("levellingDelay").asString()).isEqualTo("7 edays");
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(task(review).get("finish").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(task(calibrate).get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(task(build).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        JsonNode state = ok(owner.api().get(path("/levelling")));
        assertThat(state.get("finish").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(state.get("delayedTasks").size()).isEqualTo(2);
        assertThat(state.get("runs").get(0).get("id").asLong()).isEqualTo(run);
        assertThat(state.get("runs").get(0).get("undoable").asBoolean()).isTrue();

        // A later edit reschedules with the delay kept: a one-day predecessor pushes Review's start by a day,
        // and the delay counts from there.
        long prepare = GantryApi.taskId(owner.api(), project, json("name", "Prepare", "duration", "1d"));
        GantryApi.link(owner.api(), project, prepare, review);
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-10T08:00:00");
        assertThat(levelling(review).get("levellingDelayMinutes").asLong()).isEqualTo(7 * 1440);

        // The plan changed since the levelling: undoing it now is refused, with the state as it is.
        Response lateUndo = owner.api().post(path("/levelling/" + run + "/undo"), json());
        assertThat(lateUndo.status()).as(lateUndo.toString()).isEqualTo(409);
        assertThat(lateUndo.body()
                        .get("current")
                        .get("runs")
                        .get(0)
                        .get("undoable")
                        .asBoolean())
                .isFalse();

        // Clear levelling: the delays go, the tasks come back.
        long now = ok(owner.api().get(path("/levelling"))).get("version").asLong();
        JsonNode cleared = created(owner.api().post(path("/levelling/clear"), json("version", now)));
        assertThat(levelling(review).get("levellingDelayMinutes").asLong()).isZero();
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-03T08:00:00");
        assertThat(task(calibrate).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(ok(owner.api().get(path("/levelling"))).get("delayedTasks").size())
                .isZero();

        // Undo the clear: the delays and the levelled dates are back.
        JsonNode undone =
                ok(owner.api().post(path("/levelling/" + cleared.get("run").asLong() + "/undo"), json()));
        assertThat(undone.get("delayedTasks").size()).isEqualTo(2);
        assertThat(levelling(review).get("levellingDelayMinutes").asLong()).isEqualTo(7 * 1440);
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-10T08:00:00");
        assertThat(task(calibrate).get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        Response twice =
                owner.api().post(path("/levelling/" + cleared.get("run").asLong() + "/undo"), json());
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    }

    @Test
    void adjustingIndividualAssignmentsLetsTheFreePersonStartAndClearAndUndoTakeItBack() {
        // Pair test (4 days) needs Ana and Bo. Build holds Ana for 5 days and has the least slack, so it keeps
        // its dates; with assignments adjusted, Bo starts the pair test on time and only Ana's work waits.
        long bo = created(owner.api().post(path("/resources"), json("name", "Bo")))
                .get("id")
                .asLong();
        long pair = GantryApi.taskId(owner.api(), project, json("name", "Pair test", "duration", "4d"));
        assign(pair, ana);
        assign(pair, bo);
        // A report follows the pair test: it starts when Ana's held-back work ends, not later.
        long report = GantryApi.taskId(owner.api(), project, json("name", "Report", "duration", "1d"));
        GantryApi.link(owner.api(), project, pair, report);

        assertThat(overallocated()).contains(pair, build);
        JsonNode whole = ok(owner.api().get(path("/levelling/preview")));
        JsonNode adjusted = ok(owner.api().get(path("/levelling/preview?adjustAssignments=true")));

        JsonNode wholeMove = move(whole, pair);
        assertThat(wholeMove.get("startAfter").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(wholeMove.get("assignmentDelays").size()).isZero();
        assertThat(adjusted.get("adjustAssignments").asBoolean()).isTrue();
        JsonNode pairMove = move(adjusted, pair);
        assertThat(pairMove.get("startAfter").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(pairMove.get("finishAfter").asString()).isEqualTo("2026-03-12T17:00:00");
        assertThat(pairMove.get("levellingDelayMinutes").asLong()).isZero();
        assertThat(pairMove.get("cause").asString()).isEqualTo("RESOURCE");
        JsonNode held = pairMove.get("assignmentDelays");
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get(0).get("resourceId").asLong()).isEqualTo(ana);
        assertThat(held.get(0).get("delayMinutes").asLong()).isEqualTo(5 * 480);
        assertThat(pairMove.get("reason").asString())
                .contains("Ana is over-allocated", "Build", "starts Ana's work on it 5 days after the task");
        JsonNode reportMove = move(adjusted, report);
        assertThat(reportMove.get("startAfter").asString()).isEqualTo("2026-03-13T08:00:00");
        assertThat(reportMove.get("levellingDelayMinutes").asLong()).isZero();
        assertThat(reportMove.get("cause").asString()).isEqualTo("PREDECESSOR");

        created(owner.api()
                .post(
                        path("/levelling"),
                        json(
                                "adjustAssignments",
                                true,
                                "version",
                                adjusted.get("version").asLong())));
        // Stored on Ana's assignment; the reschedule that follows (and every later one) keeps it.
        JsonNode pairLevelling = levelling(pair);
        assertThat(pairLevelling.get("levellingDelayMinutes").asLong()).isZero();
        assertThat(pairLevelling
                        .get("assignmentDelays")
                        .get(0)
                        .get("resourceName")
                        .asString())
                .isEqualTo("Ana");
        assertThat(pairLevelling.get("assignmentDelays").get(0).get("delay").asString())
                .isEqualTo("5 days");
        assertThat(task(pair).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(task(pair).get("finish").asString()).isEqualTo("2026-03-12T17:00:00");
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-13T08:00:00");
        // The workload counts Ana's work on the pair test from when it starts: nobody is over-allocated.
        assertThat(overallocated()).isEmpty();
        assertThat(ok(owner.api().get(path("/levelling")))
                        .get("delayedTasks")
                        .valueStream()
                        .map(t -> t.get("id").asLong())
                        .toList())
                .contains(pair, review);

        long now = ok(owner.api().get(path("/levelling"))).get("version").asLong();
        JsonNode cleared = created(owner.api().post(path("/levelling/clear"), json("version", now)));
        assertThat(levelling(pair).get("assignmentDelays").size()).isZero();
        assertThat(task(pair).get("finish").asString()).isEqualTo("2026-03-05T17:00:00");

        ok(owner.api().post(path("/levelling/" + cleared.get("run").asLong() + "/undo"), json()));
        assertThat(levelling(pair)
                        .get("assignmentDelays")
                        .get(0)
                        .get("delayMinutes")
                        .asLong())
                .isEqualTo(5 * 480);
        assertThat(task(pair).get("finish").asString()).isEqualTo("2026-03-12T17:00:00");

        // Out to Microsoft Project's XML as the assignment's Leveling Delay, and back in with the same dates.
        byte[] mspdi = owner.api().download(path("/export?format=mspdi"));
        JsonNode imported = created(owner.api()
                .upload(
                        "/api/v1/projects/import",
                        "adjusted.xml",
                        mspdi,
                        java.util.Map.of("dates", "gantry", "key", "AJ" + System.nanoTime() % 100_000_000L)));
        String copy = imported.get("projectKey").asString();
        JsonNode copiedPair = ok(owner.api().get("/api/v1/projects/" + copy + "/tasks?size=50"))
                .get("items")
                .valueStream()
                .filter(task -> task.get("name").asString().equals("Pair test"))
                .findFirst()
                .orElseThrow();
        assertThat(copiedPair.get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(copiedPair.get("finish").asString()).isEqualTo("2026-03-12T17:00:00");
        JsonNode copiedLevelling = ok(owner.api()
                .get("/api/v1/projects/" + copy + "/tasks/"
                        + copiedPair.get("id").asLong() + "/levelling"));
        assertThat(copiedLevelling
                        .get("assignmentDelays")
                        .get(0)
                        .get("resourceName")
                        .asString())
                .isEqualTo("Ana");
        assertThat(copiedLevelling
                        .get("assignmentDelays")
                        .get(0)
                        .get("delayMinutes")
                        .asLong())
                .isEqualTo(5 * 480);
    }

    private List<Long> overallocated() {
        return ok(owner.api().get(path("/overallocations")))
                .valueStream()
                .map(over -> over.get("taskId").asLong())
                .toList();
    }

    private static JsonNode move(JsonNode preview, long taskId) {
        return preview.get("moves")
                .valueStream()
                .filter(move -> move.get("taskId").asLong() == taskId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " does not move in " + preview));
    }

    @Test
    void anApplyOnAPlanChangedSinceThePreviewIsRefusedAndWritesNothing() {
        long version =
                ok(owner.api().get(path("/levelling/preview"))).get("version").asLong();
        JsonNode current = task(build);
        ok(owner.api()
                .patch(
                        path("/tasks/" + build),
                        json("duration", "4d", "version", current.get("version").asInt())));

        Response stale = owner.api().post(path("/levelling"), json("version", version));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("version").asLong()).isGreaterThan(version);
        assertThat(levelling(review).get("levellingDelayMinutes").asLong()).isZero();
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(GantryApi.errorFields(owner.api().post(path("/levelling"), json("mode", "STANDARD"))))
                .containsExactly("version");
        Response unknownRun = owner.api().post(path("/levelling/999999999/undo"), json());
        assertThat(unknownRun.status()).isEqualTo(404);
    }

    @Test
    void theOptimisingModeStoresDelaysToo() {
        // Two chains on Ana: the standard order starts the short task first and makes the long chain wait;
        // whatever each mode finds, applying the optimising one stores delays and reaches its finish.
        JsonNode preview = ok(owner.api().get(path("/levelling/preview?mode=OPTIMISING")));
        assertThat(preview.get("mode").asString()).isEqualTo("OPTIMISING");
        JsonNode applied = created(owner.api()
                .post(
                        path("/levelling"),
                        json(
                                "mode",
                                "OPTIMISING",
                                "version",
                                preview.get("version").asLong())));
        assertThat(applied.get("preview").get("finishAfter").asString())
                .isEqualTo(preview.get("optimisingFinish").asString());
        JsonNode state = ok(owner.api().get(path("/levelling")));
        assertThat(state.get("finish").asString())
                .isEqualTo(preview.get("optimisingFinish").asString());
        assertThat(state.get("delayedTasks").size()).isPositive();
        assertThat(state.get("runs").get(0).get("mode").asString()).isEqualTo("OPTIMISING");
    }

    @Test
    void levellingDelaysGoOutInAnExportAndComeBackInAnImport() {
        long version =
                ok(owner.api().get(path("/levelling/preview"))).get("version").asLong();
        created(owner.api().post(path("/levelling"), json("version", version)));

        byte[] mspdi = owner.api().download(path("/export?format=mspdi"));
        assertThat(new String(mspdi, java.nio.charset.StandardCharsets.UTF_8)).contains("<LevelingDelay>");
        JsonNode imported = created(owner.api()
                .upload("/api/v1/projects/import", "levelled.xml", mspdi, java.util.Map.of("dates", "gantry")));
        String copy = imported.get("projectKey").asString();
        JsonNode tasks = ok(owner.api().get("/api/v1/projects/" + copy + "/tasks?size=50"))
                .get("items");
        JsonNode copiedReview = tasks.valueStream()
                .filter(task -> task.get("name").asString().equals("Review"))
                .findFirst()
                .orElseThrow();
        assertThat(copiedReview.get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        JsonNode copiedLevelling = ok(owner.api()
                .get("/api/v1/projects/" + copy + "/tasks/"
                        + copiedReview.get("id").asLong() + "/levelling"));
        assertThat(copiedLevelling.get("levellingDelayMinutes").asLong()).isEqualTo(7 * 1440);
    }

    private void assign(long task, long resource) {
        created(owner.api().post(path("/tasks/" + task + "/assignments"), json("resourceId", resource, "units", 100)));
    }

    private JsonNode task(long id) {
        return ok(owner.api().get(path("/tasks/" + id)));
    }

    private JsonNode levelling(long id) {
        return ok(owner.api().get(path("/tasks/" + id + "/levelling")));
    }

    private String path(String rest) {
        return "/api/v1/projects/" + project + rest;
    }
}
