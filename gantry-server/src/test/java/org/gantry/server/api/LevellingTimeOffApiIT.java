package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Levelling counts each person's own calendar as lost capacity: work it delays never lands in a vacation
 * or on a part-time week's free day, and what would collide with the work pushed past the absence is
 * delayed further. Ben is a member of the project; the project calendar is Monday to Friday, 08:00-12:00
 * and 13:00-17:00 (480 minutes a day), and it starts on Monday 2 March 2026. His three tasks, all at
 * 100 %, start together: Draft keeps its dates (least slack, then the lowest ID), Review is delayed next,
 * Publish last.
 */
class LevellingTimeOffApiIT extends ApiIntegrationTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private TestUser owner;
    private TestUser ben;
    private String project;

    @BeforeEach
    void benIsAMemberOfTheProject() {
        owner = newUser("leveller");
        ben = newUser("ben");
        project = newProjectStarting(owner.api(), "Levelling with time off", MONDAY);
        addMember(owner.api(), project, ben, "MEMBER");
    }

    /**
     * Ben is on vacation from Monday 9 to Friday 13 March. Draft 5d, Review 3d, Publish 2d. Draft works the
     * first week (2-6 March). Review waits for Draft (free on 9 March) and for Ben, who is back on Monday 16:
     * 16-18 March. Publish would fit beside Review at 16 March if his vacation counted as free time (that
     * is where the old levelling put it: on the project calendar Review took 9-11 March and Publish 12-13
     * March, which Ben's calendar moved onto 16 March, beside Review); with the vacation counted it waits
     * for Review: Thursday 19 to Friday 20 March.
     */
    @Test
    void workDelayedIntoAVacationWaitsUntilThePersonIsBackAndWhatFollowsQueuesBehindIt() {
        long draft = task("Draft", "5d");
        long review = task("Review", "3d");
        long publish = task("Publish", "2d");
        created(ben.api()
                .post(
                        "/api/v1/me/time-off",
                        json("firstDay", "2026-03-09", "lastDay", "2026-03-13", "kind", "VACATION")));
        assertThat(task(publish).get("start").asString()).isEqualTo("2026-03-02T08:00:00");

        JsonNode preview = ok(owner.api().get(path("/levelling/preview")));

        assertThat(preview.get("finishBefore").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(preview.get("finishAfter").asString()).isEqualTo("2026-03-20T17:00:00");
        // Ben works every working day of weeks 1 and 3 whatever the order: no mode can finish earlier.
        assertThat(preview.get("optimisingFinish").asString()).isEqualTo("2026-03-20T17:00:00");
        JsonNode moves = preview.get("moves");
        assertThat(moves.size()).isEqualTo(2);
        assertMove(moves.get(0), review, "2026-03-16T08:00:00", "2026-03-18T17:00:00", 10 * 480, 14 * 1440);
        assertThat(moves.get(0).get("cause").asString()).isEqualTo("RESOURCE");
        assertThat(moves.get(0).get("reason").asString()).contains("Draft", "14 edays");
        assertMove(moves.get(1), publish, "2026-03-19T08:00:00", "2026-03-20T17:00:00", 13 * 480, 17 * 1440);
        assertThat(preview.get("unresolved").size()).isZero();

        JsonNode applied = created(owner.api()
                .post(path("/levelling"), json("version", preview.get("version").asLong())));

        assertThat(applied.get("preview").get("finishAfter").asString()).isEqualTo("2026-03-20T17:00:00");
        assertThat(task(draft).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-16T08:00:00");
        assertThat(task(review).get("finish").asString()).isEqualTo("2026-03-18T17:00:00");
        assertThat(task(publish).get("start").asString()).isEqualTo("2026-03-19T08:00:00");
        assertThat(task(publish).get("finish").asString()).isEqualTo("2026-03-20T17:00:00");
        assertThat(levelling(review).get("levellingDelay").asString()).isEqualTo("14 edays");
        assertThat(levelling(publish).get("levellingDelayMinutes").asLong()).isEqualTo(17 * 1440);
        // Levelled as it is now: a second preview moves nothing.
        assertThat(ok(owner.api().get(path("/levelling/preview"))).get("moves").size())
                .isZero();
    }

    /**
     * Ben works four days a week in March (Fridays off). Draft 4d and Review 4d take Monday to Thursday, so
     * both finish on Thursday 5 March; Publish 2d. Draft keeps 2-5 March; Review cannot start on Friday 6,
     * Ben's free day, so it takes 9-12 March; Publish would start on Friday 13 (his free day again) and so
     * starts on Monday 16: 16-17 March. Counting Fridays as capacity, the old levelling put Publish on
     * Thursday 12, beside Review.
     */
    @Test
    void aPartTimeWeeksFreeDayHoldsNoWork() {
        long draft = task("Draft", "4d");
        long review = task("Review", "4d");
        long publish = task("Publish", "2d");
        created(ben.api()
                .post(
                        "/api/v1/me/time-off",
                        json(
                                "firstDay",
                                "2026-03-02",
                                "lastDay",
                                "2026-03-31",
                                "weekdays",
                                List.of(5),
                                "kind",
                                "PART_TIME")));
        assertThat(task(draft).get("finish").asString()).isEqualTo("2026-03-05T17:00:00");

        JsonNode preview = ok(owner.api().get(path("/levelling/preview")));

        assertThat(preview.get("finishAfter").asString()).isEqualTo("2026-03-17T17:00:00");
        JsonNode moves = preview.get("moves");
        assertThat(moves.size()).isEqualTo(2);
        assertMove(moves.get(0), review, "2026-03-09T08:00:00", "2026-03-12T17:00:00", 5 * 480, 7 * 1440);
        assertMove(moves.get(1), publish, "2026-03-16T08:00:00", "2026-03-17T17:00:00", 10 * 480, 14 * 1440);

        created(owner.api()
                .post(path("/levelling"), json("version", preview.get("version").asLong())));

        assertThat(task(review).get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(task(publish).get("start").asString()).isEqualTo("2026-03-16T08:00:00");
        assertThat(task(publish).get("finish").asString()).isEqualTo("2026-03-17T17:00:00");
    }

    private static void assertMove(
            JsonNode move, long taskId, String startAfter, String finishAfter, long shift, long delay) {
        assertThat(move.get("taskId").asLong()).isEqualTo(taskId);
        assertThat(move.get("startBefore").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(move.get("startAfter").asString()).isEqualTo(startAfter);
        assertThat(move.get("finishAfter").asString()).isEqualTo(finishAfter);
        assertThat(move.get("shiftMinutes").asLong()).isEqualTo(shift);
        assertThat(move.get("levellingDelayMinutes").asLong()).isEqualTo(delay);
    }

    private long task(String name, String duration) {
        return taskId(owner.api(), project, json("name", name, "duration", duration, "assigneeIds", List.of(ben.id())));
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
