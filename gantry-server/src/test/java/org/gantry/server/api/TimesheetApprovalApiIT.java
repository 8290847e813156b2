package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Submitting a week, approving or rejecting it, locked entries and locked periods, through the API. */
class TimesheetApprovalApiIT extends ApiIntegrationTest {

    private TestUser owner;
    private TestUser manager;
    private TestUser member;
    private TestUser other;
    private String key;
    private long task;

    @BeforeEach
    void project() {
        owner = newUser("owner");
        manager = newUser("manager");
        member = newUser("member");
        other = newUser("other");
        key = newProject(owner);
        addMember(owner.api(), key, manager, "MANAGER");
        addMember(owner.api(), key, member, "MEMBER");
        addMember(owner.api(), key, other, "MEMBER");
        task = createTask(owner.api(), key, "Build", null).get("id").asLong();
    }

    private String submissions() {
        return "/api/v1/projects/" + key + "/timesheet-submissions";
    }

    private long logged(TestUser user, String date, String hours) {
        Response created = user.api().post("/api/v1/time-entries", json("taskId", task, "date", date, "hours", hours));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private JsonNode submitted(TestUser user, String week) {
        Response submitted = user.api().post(submissions(), json("week", week));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.body();
    }

    private JsonNode entry(TestUser user, long id) {
        return user.api().get("/api/v1/time-entries/" + id).body();
    }

    @Test
    void aSubmittedWeekLocksItsEntriesButACorrectionIsANewEntry() {
        long monday = logged(member, "2026-03-02", "8");
        long friday = logged(member, "2026-03-06", "1:30");
        logged(member, "2026-03-09", "2"); // next week: not part of it

        JsonNode week = submitted(member, "2026-03-04");

        assertThat(week.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(week.get("weekStart").asString()).isEqualTo("2026-03-02");
        assertThat(week.get("minutes").asInt()).isEqualTo(8 * 60 + 90);
        assertThat(week.get("entries").size()).isEqualTo(2);
        assertThat(entry(member, monday).get("state").asString()).isEqualTo("SUBMITTED");

        Response edit = member.api().patch("/api/v1/time-entries/" + monday, json("hours", "7", "version", 1));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
        assertThat(edit.header("Content-Type")).startsWith("application/problem+json");
        assertThat(edit.body().get("title").asString()).isEqualTo("Time entry submitted");
        assertThat(edit.body().get("detail").asString()).contains("new entry");
        assertThat(member.api().delete("/api/v1/time-entries/" + friday).status())
                .isEqualTo(409);
        assertThat(entry(member, friday).get("minutes").asInt()).isEqualTo(90);
        logged(member, "2026-03-03", "1");

        Response again = member.api().post(submissions(), json("week", "2026-03-02"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.body().get("minutes").asInt()).isEqualTo(60);
    }

    @Test
    void aManagerApprovesAndApprovedEntriesStayLocked() {
        long monday = logged(member, "2026-03-02", "8");
        JsonNode week = submitted(member, "2026-03-02");
        String path = submissions() + "/" + week.get("id").asLong();

        assertThat(manager.api().get(submissions() + "?state=SUBMITTED").body().size())
                .isEqualTo(1);
        assertThat(other.api().get(submissions()).body().size()).isZero();
        assertThat(other.api().get(path).status()).isEqualTo(403);
        assertThat(member.api().post(path + "/approve", json("version", 0)).status())
                .isEqualTo(403);
        Response stale = manager.api().post(path + "/approve", json("version", 5));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("state").asString()).isEqualTo("SUBMITTED");

        Response approved = manager.api().post(path + "/approve", json("version", 0));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().get("decidedById").asLong()).isEqualTo(manager.id());
        assertThat(entry(member, monday).get("state").asString()).isEqualTo("APPROVED");
        Response edit = member.api().patch("/api/v1/time-entries/" + monday, json("hours", "7", "version", 2));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.body().get("title").asString()).isEqualTo("Time entry approved");
        Response ownerEdit = owner.api().delete("/api/v1/time-entries/" + monday);
        assertThat(ownerEdit.status()).isEqualTo(409);
        Response twice = manager.api().post(path + "/approve", json("version", 1));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("title").asString()).isEqualTo("Already decided");
        assertThat(member.api().get(submissions()).body().get(0).get("state").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aRejectionNeedsAReasonAndOpensTheEntriesAgain() {
        long monday = logged(member, "2026-03-02", "8");
        JsonNode week = submitted(member, "2026-03-02");
        String path = submissions() + "/" + week.get("id").asLong();

        Response noReason = owner.api().post(path + "/reject", json("version", 0, "reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(errorFields(noReason)).containsExactly("reason");
        assertThat(errorFields(owner.api().post(path + "/reject", null)))
                .containsExactlyInAnyOrder("version", "reason");

        Response rejected = owner.api().post(path + "/reject", json("version", 0, "reason", "Monday was a holiday"));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.body().get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("reason").asString()).isEqualTo("Monday was a holiday");
        Response fixed = member.api().patch("/api/v1/time-entries/" + monday, json("hours", "0:30", "version", 2));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(submitted(member, "2026-03-02").get("minutes").asInt()).isEqualTo(30);
    }

    @Test
    void aWeekWithNothingOpenCannotBeSubmitted() {
        Response nothing = member.api().post(submissions(), json("week", "2026-03-02"));
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.body().get("title").asString()).isEqualTo("Nothing to submit");
        assertThat(errorFields(member.api().post(submissions(), json("week", null))))
                .containsExactly("week");
        assertThat(newUser("outsider")
                        .api()
                        .post(submissions(), json("week", "2026-03-02"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOwnerLocksAPeriodAndNoTimeIsLoggedOrChangedBeforeIt() {
        long before = logged(member, "2026-03-06", "2");
        String settings = "/api/v1/projects/" + key + "/time-settings";
        assertThat(member.api().get(settings).body().get("lockedBefore").isNull())
                .isTrue();
        assertThat(manager.api()
                        .put(settings, json("lockedBefore", "2026-03-09", "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(errorFields(owner.api().put(settings, json("lockedBefore", "2026-03-09", "actuals", "SOME"))))
                .containsExactlyInAnyOrder("version", "actuals");

        Response locked = owner.api().put(settings, json("lockedBefore", "2026-03-09", "version", 0));

        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        assertThat(locked.body().get("lockedBefore").asString()).isEqualTo("2026-03-09");
        Response late =
                member.api().post("/api/v1/time-entries", json("taskId", task, "date", "2026-03-08", "hours", "1"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("title").asString()).isEqualTo("Period locked");
        assertThat(late.body().get("lockedBefore").asString()).isEqualTo("2026-03-09");
        assertThat(member.api()
                        .patch("/api/v1/time-entries/" + before, json("hours", "3", "version", 0))
                        .status())
                .isEqualTo(409);
        assertThat(member.api().delete("/api/v1/time-entries/" + before).status())
                .isEqualTo(409);
        logged(member, "2026-03-09", "1");
        assertThat(owner.api()
                        .put(settings, json("lockedBefore", "2026-03-01", "version", 0))
                        .status())
                .isEqualTo(409);
        Response unlocked = owner.api().put(settings, json("lockedBefore", null, "version", 1));
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(member.api()
                        .patch("/api/v1/time-entries/" + before, json("hours", "3", "version", 0))
                        .status())
                .isEqualTo(200);
    }
}
