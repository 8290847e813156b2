package org.gantry.server.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resource API over HTTP against the embedded PostgreSQL: a project's resources with rates, calendar and
 * assigned work, a resource's assignments, a task's resources, who may read and edit them, 409 on a stale
 * version and 400 naming every invalid field. Resources are written straight into the tables, as an import
 * stores them, so these tests depend only on this module. Same configuration as the other integration tests,
 * so the server and database are shared.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gantry.db.ephemeral=true",
            "gantry.admin.email=admin@gantry.test",
            "gantry.admin.password=admin-password-1",
            "gantry.login.max-failures-per-address=100000",
            "gantry.demo=false",
            "logging.level.io.zonky=WARN",
            "logging.level.org.flywaydb=WARN"
        })
class ResourceApiIT {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String adminToken;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Reply(int status, JsonNode json, String text) {}

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
        Reply created = send("POST", "/api/v1/projects", admin(), Map.of("key", project, "name", "Bridge " + project));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        projectId = created.json().get("id").asLong();
        design = task("Design");
        build = task("Build");
        jdbc.sql(
                        "insert into project_calendar (project_id, calendar_key, name, definition) values (?, '7', 'Night shift', '{}')")
                .params(projectId)
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
        Reply list = send("GET", "/api/v1/projects/" + project + "/resources", admin(), null);

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isEqualTo(3);
        JsonNode first = list.json().get("items").get(0);
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
        assertThat(list.json().get("items").get(2).get("assignedWorkMinutes").asLong())
                .isZero();
    }

    @Test
    void theListIsPagedAndFilteredByName() throws Exception {
        Reply second = send("GET", "/api/v1/projects/" + project + "/resources?page=1&size=2", admin(), null);
        assertThat(second.json().get("items").size()).isEqualTo(1);
        assertThat(second.json().get("total").asLong()).isEqualTo(3);
        assertThat(second.json().get("items").get(0).get("name").asString()).isEqualTo("Concrete");

        Reply crane = send("GET", "/api/v1/projects/" + project + "/resources?q=cRaN", admin(), null);
        assertThat(crane.json().get("total").asLong()).isEqualTo(1);

        Reply tooBig = send("GET", "/api/v1/projects/" + project + "/resources?size=501&page=-1", admin(), null);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(fields(tooBig)).containsExactlyInAnyOrder("page", "size");
    }

    @Test
    void aResourceListsItsAssignmentsAndATaskListsItsResources() throws Exception {
        Reply details = send("GET", "/api/v1/projects/" + project + "/resources/" + ana, admin(), null);
        assertThat(details.status()).as(details.text()).isEqualTo(200);
        assertThat(details.json().get("resource").get("name").asString()).isEqualTo("Ana Engineer");
        JsonNode assignments = details.json().get("assignments");
        assertThat(assignments.size()).isEqualTo(2);
        assertThat(assignments.get(0).get("taskName").asString()).isEqualTo("Design");
        assertThat(assignments.get(0).get("taskWbs").asString()).isEqualTo("1");
        assertThat(assignments.get(0).get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(assignments.get(1).get("workMinutes").asLong()).isEqualTo(2400);

        Reply onBuild = send("GET", "/api/v1/projects/" + project + "/tasks/" + build + "/assignments", admin(), null);
        assertThat(onBuild.status()).as(onBuild.text()).isEqualTo(200);
        assertThat(onBuild.json().valueStream().map(a -> a.get("resourceName").asString()))
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
            Reply hidden = send("GET", "/api/v1/projects/" + project + path, outsider, null);
            assertThat(hidden.status()).as(path).isEqualTo(404);
            assertThat(hidden.json().get("title").asString()).isEqualTo("Not found");
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
        Reply changed = send(
                "PATCH",
                "/api/v1/projects/" + project + "/resources/" + crane,
                manager,
                Map.of("name", "Tower crane", "maxUnits", 200, "standardRate", 95.5, "version", 0));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Tower crane");
        assertThat(changed.json().get("maxUnits").decimalValue()).isEqualByComparingTo("200");
        assertThat(changed.json().get("standardRate").decimalValue()).isEqualByComparingTo("95.5");
        assertThat(changed.json().get("standardRatePer").asString()).isEqualTo("HOURS");
        assertThat(changed.json().get("version").asInt()).isEqualTo(1);

        Reply cleared = send(
                "PATCH",
                "/api/v1/projects/" + project + "/resources/" + ana,
                manager,
                Map.of("clear", List.of("overtimeRate", "costPerUse"), "version", 0));
        assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
        assertThat(cleared.json().get("overtimeRate").isNull()).isTrue();
        assertThat(cleared.json().get("costPerUse").isNull()).isTrue();
        assertThat(cleared.json().get("standardRate").decimalValue()).isEqualByComparingTo("80");
    }

    @Test
    void aStaleVersionIsRefusedWithTheResourceAsItIsNow() throws Exception {
        String path = "/api/v1/projects/" + project + "/resources/" + crane;
        assertThat(send("PATCH", path, admin(), Map.of("name", "Mobile crane", "version", 0))
                        .status())
                .isEqualTo(200);

        Reply stale = send("PATCH", path, admin(), Map.of("name", "Gantry crane", "version", 0));

        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(stale.json().get("current").get("name").asString()).isEqualTo("Mobile crane");
        assertThat(stale.json().get("current").get("version").asInt()).isEqualTo(1);
        assertThat(name(crane)).isEqualTo("Mobile crane");
    }

    @Test
    void invalidChangesNameEveryFieldAndWriteNothing() throws Exception {
        String path = "/api/v1/projects/" + project + "/resources/" + ana;
        Reply invalid = send(
                "PATCH",
                path,
                admin(),
                Map.of("name", "  ", "maxUnits", -5, "standardRate", -1, "clear", List.of("email"), "version", 0));

        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "maxUnits", "standardRate", "clear");
        assertThat(name(ana)).isEqualTo("Ana Engineer");

        Reply noVersion = send("PATCH", path, admin(), Map.of("name", "Ana"));
        assertThat(fields(noVersion)).containsExactly("version");
        Reply wrongType = send("PATCH", path, admin(), Map.of("maxUnits", "lots", "version", 0));
        assertThat(wrongType.status()).as(wrongType.text()).isEqualTo(400);
        assertThat(fields(wrongType)).containsExactly("maxUnits");
        assertThat(jdbc.sql("select version from resource where id = ?")
                        .params(ana)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anArchivedProjectsResourcesAreReadButNotChanged() throws Exception {
        Reply archived = send("DELETE", "/api/v1/projects/" + project, admin(), null);
        assertThat(archived.status()).as(archived.text()).isIn(200, 204);

        assertThat(send("GET", "/api/v1/projects/" + project + "/resources", admin(), null)
                        .status())
                .isEqualTo(200);
        Reply refused = send(
                "PATCH",
                "/api/v1/projects/" + project + "/resources/" + ana,
                admin(),
                Map.of("name", "Ana", "version", 0));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("archived");
        assertThat(name(ana)).isEqualTo("Ana Engineer");
    }

    @Test
    void stakeholdersAndMembersMayNotEditAResource() throws Exception {
        for (String role : List.of("STAKEHOLDER", "MEMBER")) {
            Reply refused = send(
                    "PATCH",
                    "/api/v1/projects/" + project + "/resources/" + ana,
                    member(role),
                    Map.of("name", "Someone else", "version", 0));
            assertThat(refused.status()).as(role + " " + refused.text()).isEqualTo(403);
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

        Reply imported = upload("/api/v1/projects/import?key=" + key, "survey.xml", MspdiExport.bytes(plan));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);

        Reply list = send("GET", "/api/v1/projects/" + key + "/resources", admin(), null);
        assertThat(list.json().get("total").asLong()).as(list.text()).isEqualTo(1);
        JsonNode resource = list.json().get("items").get(0);
        assertThat(resource.get("name").asString()).isEqualTo("Surveyor");
        assertThat(resource.get("maxUnits").decimalValue()).isEqualByComparingTo("50");
        assertThat(resource.get("standardRate").decimalValue()).isEqualByComparingTo("80");
        assertThat(resource.get("standardRatePer").asString()).isEqualTo("HOURS");
        assertThat(resource.get("overtimeRate").decimalValue()).isEqualByComparingTo("120");
        assertThat(resource.get("costPerUse").decimalValue()).isEqualByComparingTo("15");
        assertThat(resource.get("assignedWorkMinutes").asLong()).isEqualTo(480);

        Reply details = send(
                "GET",
                "/api/v1/projects/" + key + "/resources/" + resource.get("id").asLong(),
                admin(),
                null);
        JsonNode assignment = details.json().get("assignments").get(0);
        assertThat(assignment.get("taskName").asString()).isEqualTo("Survey");
        assertThat(assignment.get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(assignment.get("workMinutes").asLong()).isEqualTo(480);
    }

    @Test
    void theOpenApiDocumentDescribesTheResourceEndpoints() throws Exception {
        Reply docs = send("GET", "/api/docs/openapi.json", admin(), null);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/projects/{project}/resources")).isTrue();
        assertThat(paths.get("/api/v1/projects/{project}/resources/{id}").has("patch"))
                .isTrue();
        assertThat(paths.has("/api/v1/projects/{project}/tasks/{id}/assignments"))
                .isTrue();
    }

    private long task(String name) throws Exception {
        Reply created = send("POST", "/api/v1/projects/" + project + "/tasks", admin(), Map.of("name", name));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
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

    private static List<String> fields(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        return reply.json()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }

    /** A new user with a token, a member of the project in {@code role}. */
    private String member(String role) throws Exception {
        String token = user();
        long id = send("GET", "/api/v1/me", token, null).json().get("id").asLong();
        Reply added =
                send("POST", "/api/v1/projects/" + project + "/members", admin(), Map.of("userId", id, "role", role));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return token;
    }

    /** A new user, invited by the admin, and their token. */
    private String user() throws Exception {
        String email = "res-" + UUID.randomUUID().toString().substring(0, 8) + "@gantry.test";
        Reply invited = send("POST", "/api/v1/users", admin(), Map.of("email", email, "name", "Resource Tester"));
        assertThat(invited.status()).as(invited.text()).isEqualTo(201);
        String oneTime = invited.json().get("oneTimePassword").asString();
        // Nothing but the password change is open to a one-time password: choose one first.
        String own = "own-" + UUID.randomUUID();
        Reply changed = send(
                "POST",
                "/api/v1/me/password",
                token(email, oneTime),
                Map.of("currentPassword", oneTime, "newPassword", own));
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        return token(email, own);
    }

    private String admin() throws Exception {
        if (adminToken == null) {
            adminToken = token("admin@gantry.test", "admin-password-1");
        }
        return adminToken;
    }

    private String token(String email, String password) throws Exception {
        Reply reply = send(
                "POST", "/api/v1/auth/tokens", null, Map.of("email", email, "password", password, "name", "resources"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().get("token").asString();
    }

    private Reply upload(String path, String fileName, byte[] content) throws Exception {
        String boundary = "gantry-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + admin())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()), response.body());
    }

    private Reply send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode json = text == null || text.isBlank() ? null : JSON.readTree(text);
        return new Reply(response.statusCode(), json, text);
    }
}
