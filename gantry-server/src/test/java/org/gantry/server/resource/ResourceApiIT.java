package org.gantry.server.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.WorkContour;
import org.gantry.interchange.MspdiExport;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanAssignment;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanRate;
import org.gantry.interchange.PlanResource;
import org.gantry.interchange.PlanResourceKind;
import org.gantry.interchange.PlanTask;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.api.GantryApi;
import org.gantry.server.api.GantryIntegrationTest;
import org.gantry.server.api.TestUser;
import org.gantry.server.shared.StoredCalendars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The resource API over HTTP against the embedded PostgreSQL: a project's resources with rates, calendar and
 * assigned work, a resource's assignments, a task's resources, who may read and edit them, 409 on a stale
 * version and 400 naming every invalid field. Resources are written straight into the tables, as an import
 * stores them, so these tests depend only on this module. Same configuration as the other integration tests,
 * so the server and database are shared.
 */
@GantryIntegrationTest
class ResourceApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String project;
    private long projectId;
    private long design;
    private long build;
    private long ana;
    private long crane;

    @BeforeEach
    void aProjectWithResourcesAndAssignments() throws Exception {
        project = "R"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
        Response created =
                send("POST", "/api/v1/projects", admin(), Map.of("key", project, "name", "Bridge " + project));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        projectId = created.body().get("id").asLong();
        design = task("Design");
        build = task("Build");
        jdbc.sql(
                        "insert into project_calendar (project_id, calendar_key, name, definition) values (?, '7', 'Night shift', ?::jsonb)")
                .params(projectId, StoredCalendars.write(PlanCalendar.standard("7", "Night shift")))
                .update();
        ana = jdbc.sql("insert into resource (project_id, name, kind, max_units, standard_rate, standard_rate_per,"
                        + " overtime_rate, overtime_rate_per, cost_per_use, calendar_key) values"
                        + " (?, 'Ana Engineer', 'WORK', 50, 80, 'HOURS', 120, 'HOURS', 15, '7') returning id")
                .params(projectId)
                .query(Long.class)
                .single();
        crane = jdbc.sql("insert into resource (project_id, name, kind, max_units) values (?, 'Crane', 'WORK', 100)"
                        + " returning id")
                .params(projectId)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into resource (project_id, name, kind, material_label) values (?, 'Concrete', 'MATERIAL', 't')")
                .params(projectId)
                .update();
        assign(design, ana, 50, 1200);
        assign(build, ana, 100, 2400);
        assign(build, crane, 100, 960);
    }

    @Test
    void theResourceListCarriesRatesCalendarAndTheTotalAssignedWork() throws Exception {
        Response list = send("GET", "/api/v1/projects/" + project + "/resources", admin(), null);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isEqualTo(3);
        JsonNode first = list.body().get("items").get(0);
        assertThat(first.get("name").asString()).isEqualTo("Ana Engineer");
        assertThat(first.get("kind").asString()).isEqualTo("WORK");
        assertThat(first.get("maxUnits").decimalValue()).isEqualByComparingTo("50");
        assertThat(first.get("standardRate").decimalValue()).isEqualByComparingTo("80");
        assertThat(first.get("overtimeRate").decimalValue()).isEqualByComparingTo("120");
        assertThat(first.get("costPerUse").decimalValue()).isEqualByComparingTo("15");
        assertThat(first.get("currency").asString()).isEqualTo("EUR");
        assertThat(first.get("calendarName").asString()).isEqualTo("Night shift");
        assertThat(first.get("assignmentCount").asInt()).isEqualTo(2);
        assertThat(first.get("assignedWorkMinutes").asLong()).isEqualTo(3600);
        assertThat(list.body().get("items").get(2).get("assignedWorkMinutes").asLong())
                .isZero();
    }

    @Test
    void theListIsPagedAndFilteredByName() throws Exception {
        Response second = send("GET", "/api/v1/projects/" + project + "/resources?page=1&size=2", admin(), null);
        assertThat(second.body().get("items").size()).isEqualTo(1);
        assertThat(second.body().get("total").asLong()).isEqualTo(3);
        assertThat(second.body().get("items").get(0).get("name").asString()).isEqualTo("Concrete");

        Response crane = send("GET", "/api/v1/projects/" + project + "/resources?q=cRaN", admin(), null);
        assertThat(crane.body().get("total").asLong()).isEqualTo(1);

        Response tooBig = send("GET", "/api/v1/projects/" + project + "/resources?size=501&page=-1", admin(), null);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(fields(tooBig)).containsExactlyInAnyOrder("page", "size");
    }

    @Test
    void aResourceListsItsAssignmentsAndATaskListsItsResources() throws Exception {
        Response details = send("GET", "/api/v1/projects/" + project + "/resources/" + ana, admin(), null);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.body().get("resource").get("name").asString()).isEqualTo("Ana Engineer");
        JsonNode assignments = details.body().get("assignments");
        assertThat(assignments.size()).isEqualTo(2);
        assertThat(assignments.get(0).get("taskName").asString()).isEqualTo("Design");
        assertThat(assignments.get(0).get("taskWbs").asString()).isEqualTo("1");
        assertThat(assignments.get(0).get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(assignments.get(1).get("workMinutes").asLong()).isEqualTo(2400);

        Response onBuild =
                send("GET", "/api/v1/projects/" + project + "/tasks/" + build + "/assignments", admin(), null);
        assertThat(onBuild.status()).as(onBuild.toString()).isEqualTo(200);
        assertThat(onBuild.body().valueStream().map(a -> a.get("resourceName").asString()))
                .containsExactly("Ana Engineer", "Crane");
    }

    @Test
    void stakeholdersReadOutsidersSeeNothingAndOtherProjectsIdsAreNotFound() throws Exception {
        String stakeholder = member("STAKEHOLDER");
        assertThat(send("GET", "/api/v1/projects/" + project + "/resources", stakeholder, null)
                        .status())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/projects/" + project + "/tasks/" + design + "/assignments", stakeholder, null)
                        .status())
                .isEqualTo(200);

        String outsider = user();
        for (String path : List.of("/resources", "/resources/" + ana, "/tasks/" + design + "/assignments")) {
            Response hidden = send("GET", "/api/v1/projects/" + project + path, outsider, null);
            assertThat(hidden.status()).as(path).isEqualTo(404);
            assertThat(hidden.body().get("title").asString()).isEqualTo("Not found");
        }

        String other = "O" + project.substring(1);
        send("POST", "/api/v1/projects", admin(), Map.of("key", other, "name", "Other"));
        assertThat(send("GET", "/api/v1/projects/" + other + "/resources/" + ana, admin(), null)
                        .status())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/projects/" + other + "/tasks/" + design + "/assignments", admin(), null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aManagerRenamesAndReratesAResourceAndTheVersionMovesOn() throws Exception {
        String manager = member("MANAGER");
        Response changed = send(
                "PATCH",
                "/api/v1/projects/" + project + "/resources/" + crane,
                manager,
                Map.of("name", "Tower crane", "maxUnits", 200, "standardRate", 95.5, "version", 0));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("name").asString()).isEqualTo("Tower crane");
        assertThat(changed.body().get("maxUnits").decimalValue()).isEqualByComparingTo("200");
        assertThat(changed.body().get("standardRate").decimalValue()).isEqualByComparingTo("95.5");
        assertThat(changed.body().get("standardRatePer").asString()).isEqualTo("HOURS");
        assertThat(changed.body().get("version").asInt()).isEqualTo(1);

        Response cleared = send(
                "PATCH",
                "/api/v1/projects/" + project + "/resources/" + ana,
                manager,
                Map.of("clear", List.of("overtimeRate", "costPerUse"), "version", 0));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.body().get("overtimeRate").isNull()).isTrue();
        assertThat(cleared.body().get("costPerUse").isNull()).isTrue();
        assertThat(cleared.body().get("standardRate").decimalValue()).isEqualByComparingTo("80");
    }

    @Test
    void aStaleVersionIsRefusedWithTheResourceAsItIsNow() throws Exception {
        String path = "/api/v1/projects/" + project + "/resources/" + crane;
        assertThat(send("PATCH", path, admin(), Map.of("name", "Mobile crane", "version", 0))
                        .status())
                .isEqualTo(200);

        Response stale = send("PATCH", path, admin(), Map.of("name", "Gantry crane", "version", 0));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("name").asString()).isEqualTo("Mobile crane");
        assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(1);
        assertThat(name(crane)).isEqualTo("Mobile crane");
    }

    @Test
    void invalidChangesNameEveryFieldAndWriteNothing() throws Exception {
        String path = "/api/v1/projects/" + project + "/resources/" + ana;
        Response invalid = send(
                "PATCH",
                path,
                admin(),
                Map.of("name", "  ", "maxUnits", -5, "standardRate", -1, "clear", List.of("email"), "version", 0));

        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "maxUnits", "standardRate", "clear");
        assertThat(name(ana)).isEqualTo("Ana Engineer");

        Response noVersion = send("PATCH", path, admin(), Map.of("name", "Ana"));
        assertThat(fields(noVersion)).containsExactly("version");
        Response wrongType = send("PATCH", path, admin(), Map.of("maxUnits", "lots", "version", 0));
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
        assertThat(fields(wrongType)).containsExactly("maxUnits");
        assertThat(jdbc.sql("select version from resource where id = ?")
                        .params(ana)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anArchivedProjectsResourcesAreReadButNotChanged() throws Exception {
        Response archived = send("DELETE", "/api/v1/projects/" + project, admin(), null);
        assertThat(archived.status()).as(archived.toString()).isIn(200, 204);

        assertThat(send("GET", "/api/v1/projects/" + project + "/resources", admin(), null)
                        .status())
                .isEqualTo(200);
        Response refused = send(
                "PATCH",
                "/api/v1/projects/" + project + "/resources/" + ana,
                admin(),
                Map.of("name", "Ana", "version", 0));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("archived");
        assertThat(name(ana)).isEqualTo("Ana Engineer");
    }

    @Test
    void stakeholdersAndMembersMayNotEditAResource() throws Exception {
        for (String role : List.of("STAKEHOLDER", "MEMBER")) {
            Response refused = send(
                    "PATCH",
                    "/api/v1/projects/" + project + "/resources/" + ana,
                    member(role),
                    Map.of("name", "Someone else", "version", 0));
            assertThat(refused.status()).as(role + " " + refused.toString()).isEqualTo(403);
        }
        assertThat(name(ana)).isEqualTo("Ana Engineer");
    }

    @Test
    void aPlanImportedFromMicrosoftProjectXmlShowsItsResourcesRatesAndAssignments() throws Exception {
        LocalDateTime monday = LocalDateTime.of(2025, 3, 3, 8, 0);
        PlanProperties properties = PlanProperties.standard("Site survey", monday);
        PlanTask survey = PlanTask.of("1", null, 1, "Survey", PlanDuration.of(2, DurationUnit.DAYS, properties))
                .withWbs("1")
                .withDates(monday, monday.plusDays(1).withHour(17));
        PlanResource surveyor = new PlanResource(
                "1",
                "Surveyor",
                "S",
                null,
                null,
                PlanResourceKind.WORK,
                null,
                50,
                PlanRate.perHour("80"),
                PlanRate.perHour("120"),
                new BigDecimal("15"),
                null,
                null);
        Plan plan = new Plan(
                properties,
                List.of(PlanCalendar.standard("1", "Standard")),
                List.of(survey),
                List.of(),
                List.of(surveyor),
                List.of(new PlanAssignment(
                        "1",
                        "1",
                        "1",
                        50,
                        480,
                        0,
                        480,
                        monday,
                        monday.plusDays(1).withHour(17),
                        WorkContour.FLAT)),
                List.of(),
                List.of());
        String key = "S" + project.substring(1);

        Response imported = upload("/api/v1/projects/import?key=" + key, "survey.xml", MspdiExport.bytes(plan));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);

        Response list = send("GET", "/api/v1/projects/" + key + "/resources", admin(), null);
        assertThat(list.body().get("total").asLong()).as(list.toString()).isEqualTo(1);
        JsonNode resource = list.body().get("items").get(0);
        assertThat(resource.get("name").asString()).isEqualTo("Surveyor");
        assertThat(resource.get("maxUnits").decimalValue()).isEqualByComparingTo("50");
        assertThat(resource.get("standardRate").decimalValue()).isEqualByComparingTo("80");
        assertThat(resource.get("standardRatePer").asString()).isEqualTo("HOURS");
        assertThat(resource.get("overtimeRate").decimalValue()).isEqualByComparingTo("120");
        assertThat(resource.get("costPerUse").decimalValue()).isEqualByComparingTo("15");
        assertThat(resource.get("assignedWorkMinutes").asLong()).isEqualTo(480);

        Response details = send(
                "GET",
                "/api/v1/projects/" + key + "/resources/" + resource.get("id").asLong(),
                admin(),
                null);
        JsonNode assignment = details.body().get("assignments").get(0);
        assertThat(assignment.get("taskName").asString()).isEqualTo("Survey");
        assertThat(assignment.get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(assignment.get("workMinutes").asLong()).isEqualTo(480);
    }

    @Test
    void theOpenApiDocumentDescribesTheResourceEndpoints() throws Exception {
        Response docs = send("GET", "/api/docs/openapi.json", admin(), null);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.has("/api/v1/projects/{project}/resources")).isTrue();
        assertThat(paths.get("/api/v1/projects/{project}/resources/{id}").has("patch"))
                .isTrue();
        assertThat(paths.has("/api/v1/projects/{project}/tasks/{id}/assignments"))
                .isTrue();
    }

    private long task(String name) throws Exception {
        Response created = send("POST", "/api/v1/projects/" + project + "/tasks", admin(), Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private void assign(long task, long resource, int units, long work) {
        jdbc.sql(
                        "insert into assignment (project_id, task_id, resource_id, units, work_minutes, remaining_work_minutes)"
                                + " values (?, ?, ?, ?, ?, ?)")
                .params(projectId, task, resource, BigDecimal.valueOf(units), work, work)
                .update();
    }

    private String name(long resource) {
        return jdbc.sql("select name from resource where id = ?")
                .params(resource)
                .query(String.class)
                .single();
    }

    private static List<String> fields(Response reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.body()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }

    /** A new user with a token, a member of the project in {@code role}. */
    private String member(String role) throws Exception {
        TestUser user = gantry().newUser("res");
        GantryApi.addMember(gantry().admin(), project, user, role);
        return token(user.email(), user.password());
    }

    /** A new user, invited by the admin, and their token. */
    private String user() throws Exception {
        TestUser user = gantry().newUser("res");
        return token(user.email(), user.password());
    }

    private String admin() {
        return gantry().adminToken();
    }

    private String token(String email, String password) {
        return gantry().token(email, password);
    }

    private Response upload(String path, String fileName, byte[] content) {
        return gantry().withToken(admin()).upload(path, fileName, content, Map.of());
    }

    private Response send(String method, String path, String token, Object body) {
        return gantry().withToken(token).send(method, path, body);
    }

    private GantryApi gantry() {
        return GantryApi.onPort(port);
    }
}
