package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.gantry.engine.DurationUnit;
import org.gantry.interchange.MspdiExport;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanResource;
import org.gantry.interchange.PlanTask;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Requests that used to end in a 500: dates far outside any plan (which PostgreSQL or the scheduler cannot
 * take), a null in a {@code clear} list, a calendar page for the year 999,999,999. Each is now a 400
 * problem naming the field, and nothing is written; dates from 1900 to 2200 are accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestIT extends ApiIntegrationTest {
    private TestUser owner;
    private String project;
    private JsonNode task;

    @BeforeAll
    void aProjectWithATask() {
        owner = newUser("owner");
        project = newProject(owner);
        task = createTask(owner.api(), project, json("name", "Design", "duration", "2d"));
    }

    @Test
    void aTaskDateBeyondTheYear2200IsA400NamingIt() {
        for (String date : List.of("+10000-01-01T00:00", "2201-01-01T08:00", "1899-12-31T08:00", "-5000-01-01T08:00")) {
            for (String field : List.of("start", "finish")) {
                Response patched = owner.api().patch(taskPath(), json(field, date, "version", currentVersion()));
                expectFieldProblem(patched, field);
                Response created =
                        owner.api().post("/api/v1/projects/" + project + "/tasks", json("name", "Far", field, date));
                expectFieldProblem(created, field);
            }
        }
        assertThat(outline(owner.api(), project)).containsExactly("1 Design");
    }

    @Test
    void datesFrom1900To2200AreAccepted() {
        for (String[] dates : new String[][] {
            {"1900-01-01", "1900-01-02T08:00", "1900-12-31T17:00"},
            {"2200-01-01", "2200-06-02T08:00", "2200-12-31T17:00"}
        }) {
            String key = newKey();
            Response created = owner.api()
                    .post("/api/v1/projects", json("key", key, "name", "Edge " + key, "startDate", dates[0]));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode made = createTask(owner.api(), key, json("name", "Edge", "start", dates[1]));
            assertThat(made.get("start").asString()).startsWith(dates[1].substring(0, 4));
            String path = "/api/v1/projects/" + key + "/tasks/" + made.get("id").asLong();
            Response deadline = owner.api()
                    .patch(
                            path + "/schedule",
                            json(
                                    "deadline",
                                    dates[2],
                                    "version",
                                    owner.api().get(path).body().get("version").asInt()));
            assertThat(deadline.status()).as(deadline.toString()).isEqualTo(200);
        }
    }

    @Test
    void aDeadlineOrConstraintOutOfRangeIsA400NamingIt() {
        for (String date : List.of("+10000-01-01T00:00", "0001-01-01T00:00", "+294277-01-01T00:00")) {
            Response deadline =
                    owner.api().patch(taskPath() + "/schedule", json("deadline", date, "version", currentVersion()));
            expectFieldProblem(deadline, "deadline");
            Response constraint = owner.api()
                    .patch(
                            taskPath() + "/schedule",
                            json(
                                    "constraintType",
                                    "START_NO_EARLIER_THAN",
                                    "constraintDate",
                                    date,
                                    "version",
                                    currentVersion()));
            expectFieldProblem(constraint, "constraintDate");
        }
    }

    @Test
    void aStatusDateOutOfRangeIsA400NamingIt() {
        for (String date : List.of("+10000-01-01T00:00", "0001-01-01T00:00", "+294277-01-01T00:00")) {
            int version = owner.api()
                    .get("/api/v1/projects/" + project)
                    .body()
                    .get("version")
                    .asInt();
            Response response = owner.api()
                    .send(
                            "PUT",
                            "/api/v1/projects/" + project + "/status-date",
                            json("statusDate", date, "version", version));
            expectFieldProblem(response, "statusDate");
        }
    }

    @Test
    void aProjectStartOutOfRangeIsA400NamingIt() {
        Response created =
                owner.api().post("/api/v1/projects", json("key", newKey(), "name", "Far", "startDate", "+10000-01-01"));
        expectFieldProblem(created, "startDate");
        int version = owner.api()
                .get("/api/v1/projects/" + project)
                .body()
                .get("version")
                .asInt();
        Response patched =
                owner.api().patch("/api/v1/projects/" + project, json("startDate", "1800-01-01", "version", version));
        expectFieldProblem(patched, "startDate");
    }

    @Test
    void aNullInAResourcesClearListIsA400() {
        String key = newKey();
        LocalDateTime monday = LocalDateTime.of(2026, 3, 2, 8, 0);
        PlanProperties properties = PlanProperties.standard("Crew", monday);
        Plan plan = new Plan(
                properties,
                List.of(PlanCalendar.standard("1", "Standard")),
                List.of(PlanTask.of("1", null, 1, "Survey", PlanDuration.of(2, DurationUnit.DAYS, properties))),
                List.of(),
                List.of(PlanResource.person("1", "Surveyor")),
                List.of(),
                List.of(),
                List.of());
        Response imported =
                owner.api().upload("/api/v1/projects/import?key=" + key, "crew.xml", MspdiExport.bytes(plan), Map.of());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode resource = owner.api()
                .get("/api/v1/projects/" + key + "/resources")
                .body()
                .get("items")
                .get(0);
        Response cleared = owner.api()
                .send(
                        "PATCH",
                        "/api/v1/projects/" + key + "/resources/"
                                + resource.get("id").asLong(),
                        "{\"clear\":[null],\"version\":"
                                + resource.get("version").asInt() + "}");
        expectFieldProblem(cleared, "clear");
    }

    @Test
    void aCalendarPageOfTheLastRepresentableDayIsNoServerError() {
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31")) {
            for (String view : List.of("month", "week")) {
                Response page = owner.api().get("/projects/" + project + "/calendar?view=" + view + "&date=" + date);
                assertThat(page.status()).as(date + " " + view + ": " + page).isLessThan(500);
            }
        }
    }

    private String taskPath() {
        return "/api/v1/projects/" + project + "/tasks/" + task.get("id").asLong();
    }

    private int currentVersion() {
        return owner.api().get(taskPath()).body().get("version").asInt();
    }

    private static void expectFieldProblem(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.body().get("errors").valueStream().map(error -> error.get("field")
                        .asString()))
                .as(response.toString())
                .contains(field);
    }
}
