package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Schedule alerts: because every edit reschedules the project, people who watch a task are told when it
 * moves by more than the project's threshold, when a milestone they watch slips, when it enters the
 * critical path and when its deadline can no longer be met, each naming the edit and the person behind
 * it; the editor hears nothing of their own change, and someone who stopped watching hears nothing.
 */
class ScheduleAlertIT extends ApiIntegrationTest {

    /** A (1d) -> B (1d) -> milestone M, beside C (5d): B has 3 days of slack until A grows. */
    record Plan(
            String key,
            long a,
            long b,
            long c,
            long milestone,
            TestUser owner,
            TestUser bob,
            TestUser carol,
            TestUser dave) {
        String tasks() {
            return "/api/v1/projects/" + key + "/tasks/";
        }
    }

    private Plan plan() {
        TestUser owner = newUser("owner");
        TestUser bob = newUser("bob");
        TestUser carol = newUser("carol");
        TestUser dave = newUser("dave");
        String key = newProject(owner);
        addMember(owner.api(), key, bob, "MEMBER");
        addMember(owner.api(), key, carol, "STAKEHOLDER");
        addMember(owner.api(), key, dave, "MEMBER");
        long a = createTask(owner.api(), key, json("name", "Design", "duration", "1d"))
                .get("id")
                .asLong();
        long b = createTask(
                        owner.api(),
                        key,
                        json("name", "Build", "duration", "1d", "assigneeIds", List.of(bob.id(), dave.id())))
                .get("id")
                .asLong();
        long c = createTask(owner.api(), key, json("name", "Procure", "duration", "5d"))
                .get("id")
                .asLong();
        long m = createTask(owner.api(), key, json("name", "Go live", "milestone", true))
                .get("id")
                .asLong();
        link(owner, key, a, b);
        link(owner, key, b, m);
        Plan plan = new Plan(key, a, b, c, m, owner, bob, carol, dave);
        // Carol (read-only) watches the milestone; Dave stops watching the task he is assigned to.
        assertThat(carol.api()
                        .send("PUT", plan.tasks() + m + "/watchers/me", null)
                        .status())
                .isEqualTo(200);
        assertThat(dave.api().delete(plan.tasks() + b + "/watchers/me").status())
                .isEqualTo(200);
        markAllRead(bob);
        markAllRead(dave);
        return plan;
    }

    @Test
    void aTaskThatMovesAndEntersTheCriticalPathIsToldToItsWatchersWithTheEditThatCausedIt() {
        Plan plan = plan();

        lengthen(plan, plan.a(), "4d");

        List<JsonNode> bobs = unread(plan.bob());
        assertThat(bobs)
                .extracting(n -> n.get("reason").asString())
                .containsExactlyInAnyOrder("DATE_MOVED", "CRITICAL_PATH");
        JsonNode moved = byReason(bobs, "DATE_MOVED");
        assertThat(moved.get("title").asString()).isEqualTo("“Build” moved 3 days later");
        assertThat(moved.get("cause").asString()).isEqualTo("owner Tester edited “Design” (1).");
        assertThat(moved.get("detail").asString()).contains("finish").contains("→");
        assertThat(moved.get("link").asString()).endsWith("/list?task=" + plan.b());
        assertThat(byReason(bobs, "CRITICAL_PATH").get("title").asString())
                .isEqualTo("“Build” entered the critical path");

        List<JsonNode> carols = unread(plan.carol());
        assertThat(carols).extracting(n -> n.get("title").asString()).contains("Milestone “Go live” slipped by 3 days");

        assertThat(unread(plan.dave())).as("Dave stopped watching").isEmpty();
        assertThat(unread(plan.owner()))
                .as("the editor is not told of their own change")
                .isEmpty();
    }

    @Test
    void aDeadlineThatCanNoLongerBeMetIsTold() {
        Plan plan = plan();
        JsonNode b = plan.owner().api().get(plan.tasks() + plan.b()).body();
        Response deadline = plan.owner()
                .api()
                .patch(
                        plan.tasks() + plan.b() + "/schedule",
                        json(
                                "deadline",
                                b.get("finish").asString(),
                                "version",
                                b.get("version").asInt()));
        assertThat(deadline.status()).as(deadline.toString()).isEqualTo(200);

        lengthen(plan, plan.a(), "2d");

        JsonNode missed = byReason(unread(plan.bob()), "DEADLINE_MISSED");
        assertThat(missed.get("title").asString()).isEqualTo("“Build” will miss its deadline");
        assertThat(missed.get("detail").asString()).contains("Deadline").contains("total slack −1 day");
        assertThat(missed.get("cause").asString()).contains("owner Tester edited “Design”");
    }

    @Test
    void movesWithinTheProjectsThresholdAreNotTold() {
        Plan plan = plan();
        JsonNode settings = plan.owner()
                .api()
                .get("/api/v1/projects/" + plan.key() + "/notification-settings")
                .body();
        assertThat(settings.get("moveThreshold").asString()).isEqualTo("1 day");
        assertThat(settings.get("usesDefault").asBoolean()).isTrue();
        Response changed = plan.owner()
                .api()
                .patch(
                        "/api/v1/projects/" + plan.key() + "/notification-settings",
                        json(
                                "moveThreshold",
                                "3d",
                                "version",
                                settings.get("version").asInt()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("moveThresholdMinutes").asLong()).isEqualTo(3 * 480);

        lengthen(plan, plan.a(), "3d");

        assertThat(unread(plan.bob()))
                .as("a 2-day move is within the 3-day threshold")
                .extracting(n -> n.get("reason").asString())
                .doesNotContain("DATE_MOVED");
        Response stale = plan.owner()
                .api()
                .patch(
                        "/api/v1/projects/" + plan.key() + "/notification-settings",
                        json(
                                "moveThreshold",
                                "2d",
                                "version",
                                settings.get("version").asInt()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(errorFields(plan.owner()
                        .api()
                        .patch(
                                "/api/v1/projects/" + plan.key() + "/notification-settings",
                                json("moveThreshold", "soon", "version", 1))))
                .containsExactly("moveThreshold");
    }

    private static void lengthen(Plan plan, long taskId, String duration) {
        JsonNode task = plan.owner().api().get(plan.tasks() + taskId).body();
        Response updated = plan.owner()
                .api()
                .patch(
                        plan.tasks() + taskId,
                        json(
                                "duration",
                                duration,
                                "version",
                                task.get("version").asInt()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    private static void markAllRead(TestUser user) {
        assertThat(user.api().patch("/api/v1/notifications", json("read", true)).status())
                .isEqualTo(200);
    }

    private static List<JsonNode> unread(TestUser user) {
        return user.api()
                .get("/api/v1/notifications?unread=true")
                .body()
                .get("items")
                .valueStream()
                .toList();
    }

    private static JsonNode byReason(List<JsonNode> notifications, String reason) {
        return notifications.stream()
                .filter(n -> n.get("reason").asString().equals(reason))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + reason + " in " + notifications));
    }
}
