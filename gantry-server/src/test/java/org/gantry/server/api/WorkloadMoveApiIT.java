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
 * Moving a task's work to another week from the workload, through the API: a workload line carries the
 * task's version and start, and sending the start a week later with that version is what the page's
 * "Move in time" does (a start-no-earlier-than, as Microsoft Project's Team Planner sets when a task is
 * dragged). The work moves to the next week in the workload; a second move with the version the workload
 * showed before is refused with 409 and the task as it is now, and changes nothing.
 */
class WorkloadMoveApiIT extends ApiIntegrationTest {

    private TestUser owner;
    private TestUser ben;
    private String project;

    @BeforeEach
    void benIsAMember() {
        owner = newUser("mover");
        ben = newUser("ben");
        project = newProjectStarting(owner.api(), "Moving work", LocalDate.of(2026, 3, 2));
        addMember(owner.api(), project, ben, "MEMBER");
    }

    @Test
    void aWeeksDelayMovesTheWorkAndAStaleRowIsRefused() {
        long wire = taskId(
                owner.api(), project, json("name", "Wire racks", "duration", "5d", "assigneeIds", List.of(ben.id())));
        taskId(owner.api(), project, json("name", "Label racks", "duration", "5d", "assigneeIds", List.of(ben.id())));
        // Two 5-day tasks in the first week: 80 h against 40 h.
        JsonNode before = benRow();
        assertThat(before.get("cells").get(0).get("minutes").asLong()).isEqualTo(80 * 60);
        assertThat(before.get("cells").get(0).get("state").asString()).isEqualTo("OVER");
        JsonNode line = line(before, "Wire racks");
        assertThat(line.get("taskStart").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(line.get("minutes").get(0).asLong()).isEqualTo(40 * 60);
        int version = line.get("taskVersion").asInt();

        Response moved = owner.api()
                .patch(
                        "/api/v1/projects/" + project + "/tasks/" + wire,
                        json("start", "2026-03-09T08:00:00", "version", version));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode after = benRow();
        assertThat(after.get("cells").get(0).get("minutes").asLong()).isEqualTo(40 * 60);
        assertThat(after.get("cells").get(0).get("percent").asInt()).isEqualTo(100);
        assertThat(after.get("cells").get(1).get("minutes").asLong()).isEqualTo(40 * 60);
        assertThat(after.get("overDays").asInt()).isZero();
        JsonNode movedLine = line(after, "Wire racks");
        assertThat(movedLine.get("taskStart").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(movedLine.get("minutes").get(1).asLong()).isEqualTo(40 * 60);
        assertThat(movedLine.get("taskVersion").asInt()).isGreaterThan(version);

        // The row as the workload showed it before the move is stale now.
        Response stale = owner.api()
                .patch(
                        "/api/v1/projects/" + project + "/tasks/" + wire,
                        json("start", "2026-03-16T08:00:00", "version", version));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(stale.body().get("current").get("version").asInt())
                .isEqualTo(movedLine.get("taskVersion").asInt());
        assertThat(line(benRow(), "Wire racks").get("taskStart").asString()).isEqualTo("2026-03-09T08:00:00");
    }

    private JsonNode benRow() {
        Response reply = owner.api().get("/api/v1/workload?from=2026-03-02&scale=WEEK&periods=3&project=" + project);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode row : reply.body().get("rows")) {
            if (!row.get("userId").isNull() && row.get("userId").asLong() == ben.id()) {
                return row;
            }
        }
        throw new AssertionError("no row for Ben in " + reply.body());
    }

    private static JsonNode line(JsonNode row, String taskName) {
        for (JsonNode line : row.get("tasks")) {
            if (line.get("taskName").asString().equals(taskName)) {
                return line;
            }
        }
        throw new AssertionError("no line " + taskName + " in " + row);
    }
}
