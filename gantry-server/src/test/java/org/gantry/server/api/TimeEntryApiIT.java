package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Time entries through the API: who logs and sees what, hours as typed, filters, errors. */
class TimeEntryApiIT extends ApiIntegrationTest {

    private TestUser owner;
    private TestUser member;
    private TestUser other;
    private TestUser stakeholder;
    private String key;
    private long taskA;
    private long taskB;

    @BeforeEach
    void project() {
        owner = newUser("owner");
        member = newUser("member");
        other = newUser("other");
        stakeholder = newUser("stakeholder");
        key = newProject(owner);
        addMember(owner.api(), key, member, "MEMBER");
        addMember(owner.api(), key, other, "MEMBER");
        addMember(owner.api(), key, stakeholder, "STAKEHOLDER");
        taskA = createTask(owner.api(), key, "A", null).get("id").asLong();
        taskB = createTask(owner.api(), key, "B", null).get("id").asLong();
    }

    private Response log(TestUser user, Object body) {
        return user.api().post("/api/v1/time-entries", body);
    }

    private JsonNode logged(TestUser user, long task, String date, Object hours) {
        Response created = log(user, json("taskId", task, "date", date, "hours", hours, "note", "work"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private List<Long> listedIds(TestUser user, String query) {
        Response page = user.api().get("/api/v1/time-entries" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body()
                .get("items")
                .valueStream()
                .map(e -> e.get("id").asLong())
                .toList();
    }

    @Test
    void hoursAreTakenAsADecimalOrAsHoursAndMinutes() {
        JsonNode decimal = logged(member, taskA, "2026-03-02", "1.5");
        JsonNode clock = logged(member, taskA, "2026-03-03", "1:45");
        JsonNode number = logged(member, taskA, "2026-03-04", 2.25);

        assertThat(decimal.get("minutes").asInt()).isEqualTo(90);
        assertThat(decimal.get("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(clock.get("minutes").asInt()).isEqualTo(105);
        assertThat(number.get("minutes").asInt()).isEqualTo(135);
        assertThat(decimal.get("userId").asLong()).isEqualTo(member.id());
        assertThat(decimal.get("projectKey").asString()).isEqualTo(key);
        assertThat(decimal.get("billable").asBoolean()).isTrue();
        assertThat(member.api()
                        .get("/api/v1/time-entries/" + clock.get("id").asLong())
                        .body()
                        .get("date")
                        .asString())
                .isEqualTo("2026-03-03");
    }

    @Test
    void membersSeeTheirOwnEntriesAndOwnersSeeEveryones() {
        long mine = logged(member, taskA, "2026-03-02", "2").get("id").asLong();
        long theirs = logged(other, taskB, "2026-03-02", "3").get("id").asLong();

        assertThat(listedIds(member, "?project=" + key)).containsExactly(mine);
        assertThat(listedIds(other, "?project=" + key)).containsExactly(theirs);
        assertThat(listedIds(owner, "?project=" + key)).containsExactly(mine, theirs);
        assertThat(listedIds(stakeholder, "?project=" + key)).isEmpty();
        assertThat(member.api().get("/api/v1/time-entries/" + theirs).status()).isEqualTo(403);
        assertThat(owner.api().get("/api/v1/time-entries/" + theirs).status()).isEqualTo(200);
        assertThat(newUser("outsider")
                        .api()
                        .get("/api/v1/time-entries/" + theirs)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void entriesAreFilteredByPersonTaskAndDates() {
        long first = logged(member, taskA, "2026-03-02", "1").get("id").asLong();
        long second = logged(member, taskB, "2026-03-03", "1").get("id").asLong();
        long third = logged(other, taskA, "2026-03-04", "1").get("id").asLong();

        assertThat(listedIds(owner, "?project=" + key + "&person=" + member.id()))
                .containsExactly(first, second);
        assertThat(listedIds(owner, "?project=" + key + "&task=" + taskA)).containsExactly(first, third);
        assertThat(listedIds(owner, "?project=" + key + "&from=2026-03-03&to=2026-03-04"))
                .containsExactly(second, third);
        assertThat(listedIds(owner, "?task=" + taskA + "&from=2026-03-03")).containsExactly(third);
        Response page = owner.api().get("/api/v1/time-entries?project=" + key + "&size=2");
        assertThat(page.body().get("total").asLong()).isEqualTo(3);
        assertThat(page.body().get("items").size()).isEqualTo(2);
    }

    @Test
    void aMemberChangesAndDeletesOnlyTheirOwnEntries() {
        JsonNode mine = logged(member, taskA, "2026-03-02", "2");
        JsonNode theirs = logged(other, taskA, "2026-03-02", "2");
        String minePath = "/api/v1/time-entries/" + mine.get("id").asLong();

        Response changed = member.api().patch(minePath, json("hours", "3:15", "note", "more", "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("minutes").asInt()).isEqualTo(195);
        assertThat(changed.body().get("note").asString()).isEqualTo("more");
        assertThat(changed.body().get("version").asInt()).isEqualTo(1);

        String theirsPath = "/api/v1/time-entries/" + theirs.get("id").asLong();
        assertThat(member.api()
                        .patch(theirsPath, json("hours", "1", "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(member.api().delete(theirsPath).status()).isEqualTo(403);
        assertThat(owner.api()
                        .patch(theirsPath, json("billable", false, "version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(member.api().delete(minePath).status()).isEqualTo(204);
        assertThat(member.api().get(minePath).status()).isEqualTo(404);
    }

    @Test
    void aStaleVersionIsAConflictCarryingTheCurrentEntry() {
        JsonNode entry = logged(member, taskA, "2026-03-02", "2");
        String path = "/api/v1/time-entries/" + entry.get("id").asLong();
        assertThat(member.api().patch(path, json("hours", "3", "version", 0)).status())
                .isEqualTo(200);

        Response stale = member.api().patch(path, json("hours", "4", "version", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.body().get("current").get("minutes").asInt()).isEqualTo(180);
        assertThat(member.api().delete(path + "?version=0").status()).isEqualTo(409);
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        Response refused = log(member, json("taskId", taskA, "date", "2026-03-02", "hours", "1:75", "note", "x"));
        assertThat(errorFields(refused)).containsExactly("hours");
        assertThat(errorFields(log(member, json("hours", "25")))).containsExactlyInAnyOrder("taskId", "date", "hours");
        assertThat(errorFields(log(member, json("taskId", taskA, "date", "2026-03-02", "hours", 0))))
                .containsExactly("hours");
        assertThat(errorFields(log(owner, json("taskId", taskA, "date", "2026-03-02", "hours", "1", "userId", -5))))
                .containsExactly("userId");
        assertThat(listedIds(owner, "?project=" + key)).isEmpty();
    }

    @Test
    void aChangeWithHoursThatAreNotHoursNamesTheFieldAndKeepsTheEntry() {
        JsonNode entry = logged(member, taskA, "2026-03-02", "2");
        String path = "/api/v1/time-entries/" + entry.get("id").asLong();

        for (Object hours : List.of("2026-02-30T08:00", "1:75", -1, "many")) {
            Response refused = member.api().patch(path, json("hours", hours, "note", "changed", "version", 0));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(errorFields(refused)).containsExactly("hours");
        }

        JsonNode kept = member.api().get(path).body();
        assertThat(kept.get("minutes").asInt()).isEqualTo(120);
        assertThat(kept.get("note").asString()).isEqualTo("work");
        assertThat(kept.get("version").asInt()).isZero();
    }

    @Test
    void onlyOwnersAndManagersLogForOthersAndStakeholdersLogNothing() {
        Response forOther =
                log(member, json("taskId", taskA, "date", "2026-03-02", "hours", "1", "userId", other.id()));
        assertThat(forOther.status()).isEqualTo(403);
        Response byStakeholder = log(stakeholder, json("taskId", taskA, "date", "2026-03-02", "hours", "1"));
        assertThat(byStakeholder.status()).isEqualTo(403);
        Response byOwner = log(owner, json("taskId", taskA, "date", "2026-03-02", "hours", "1", "userId", other.id()));
        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(201);
        assertThat(byOwner.body().get("userId").asLong()).isEqualTo(other.id());
        Response outsiderTask = log(newUser("outsider"), json("taskId", taskA, "date", "2026-03-02", "hours", "1"));
        assertThat(outsiderTask.status()).isEqualTo(404);
        assertThat(outsiderTask.header("Content-Type")).startsWith("application/problem+json");
    }
}
