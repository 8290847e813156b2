package org.gantry.server.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.LinkType;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;
import org.gantry.interchange.MspdiExport;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanAssignment;
import org.gantry.interchange.PlanBaseline;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanComparison;
import org.gantry.interchange.PlanDay;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanPeriod;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanRate;
import org.gantry.interchange.PlanReader;
import org.gantry.interchange.PlanRecurrence;
import org.gantry.interchange.PlanResource;
import org.gantry.interchange.PlanResourceKind;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.PlanTaskKind;
import org.gantry.server.api.GantryIntegrationTest;
import org.gantry.server.identity.CurrentUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports and exports through the REST API against the embedded PostgreSQL: a generated plan exported as
 * MSPDI comes in as a project and goes out again with the same tasks and links; bad files and link loops
 * leave no project behind.
 */
@RecordApplicationEvents
@GantryIntegrationTest
class PlanImportIT {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDateTime MONDAY = LocalDateTime.of(2025, 3, 3, 8, 0);
    private static final PlanProperties PROPERTIES = PlanProperties.standard("Data centre move", MONDAY);

    @LocalServerPort
    int port;

    @Autowired
    PlanImport imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private static String token;

    record Reply(int status, String text, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private String token() throws Exception {
        if (token == null) {
            Reply reply = send(HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                            "email", "admin@gantry.test", "password", "admin-password-1", "name", "import test"))))
                    .build());
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            token = reply.json().get("token").asString();
        }
        return token;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
    }

    private Reply upload(String path, String fileName, byte[] content) throws Exception {
        String boundary = "gantry-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token())
                .GET()
                .build());
    }

    private long projectCount() throws Exception {
        return get("/api/v1/projects?includeArchived=true&size=1")
                .json()
                .get("total")
                .asLong();
    }

    private static PlanDuration days(double days) {
        return PlanDuration.of(days, DurationUnit.DAYS, PROPERTIES);
    }

    /** A phase with three chained tasks and a milestone, and a key of its own so tests do not collide. */
    private static Plan move(String name, boolean loop) {
        PlanTask phase =
                PlanTask.of("1", null, 1, "Move", PlanDuration.ZERO_DAYS).withKind(PlanTaskKind.SUMMARY);
        PlanTask pack = PlanTask.of("2", "1", 2, "Pack racks", days(2))
                .withDates(MONDAY, MONDAY.plusDays(1).withHour(17));
        PlanTask ship = PlanTask.of("3", "1", 2, "Ship", days(1));
        PlanTask cable = PlanTask.of("4", "1", 2, "Cable", days(3));
        PlanTask live = PlanTask.of("5", null, 1, "Live", PlanDuration.ZERO_DAYS);
        List<PlanLink> links = new java.util.ArrayList<>(List.of(
                PlanLink.finishStart("2", "3"),
                new PlanLink("3", "4", LinkType.FINISH_START, days(1), null),
                new PlanLink("4", "5", LinkType.FINISH_FINISH, PlanDuration.ZERO_DAYS, null)));
        if (loop) {
            links.add(PlanLink.finishStart("4", "2"));
        }
        return new Plan(
                new PlanProperties(name, null, MONDAY, null, null, "1", 480, 2400, 20, "EUR", null, false, null),
                List.of(PlanCalendar.standard("1", "Standard")),
                List.of(phase, pack, ship, cable, live),
                links,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /**
     * A plan with everything an import keeps: two calendars (one inheriting from the other) with one-off and
     * recurring exceptions, constrained, deadlined, manual, inactive and started tasks with work and their
     * own calendar, a person with rates and a material, assignments with work and a contour, two baselines.
     */
    private static Plan everything(String name) {
        PlanCalendar standard = new PlanCalendar(
                "1",
                "Standard",
                null,
                PlanCalendar.standard("1", "Standard").week(),
                List.of(),
                List.of(
                        new PlanCalendarException(
                                "Spring holiday",
                                LocalDate.of(2025, 3, 14),
                                LocalDate.of(2025, 3, 14),
                                List.of(),
                                null),
                        new PlanCalendarException(
                                "New year",
                                LocalDate.of(2025, 1, 1),
                                LocalDate.of(2025, 1, 1),
                                List.of(),
                                new PlanRecurrence(
                                        PlanRecurrence.Pattern.YEARLY,
                                        1,
                                        LocalDate.of(2025, 1, 1),
                                        null,
                                        6,
                                        java.util.Set.of(),
                                        false,
                                        1,
                                        null,
                                        1))));
        java.util.Map<java.time.DayOfWeek, PlanDay> nightWeek = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            nightWeek.put(day, PlanDay.INHERITED);
        }
        nightWeek.put(
                java.time.DayOfWeek.SATURDAY,
                new PlanDay(PlanDay.Kind.WORKING, List.of(new PlanPeriod(LocalTime.of(9, 0), LocalTime.of(13, 0)))));
        PlanCalendar crew = new PlanCalendar(
                "2",
                "Night crew",
                "1",
                nightWeek,
                List.of(),
                List.of(new PlanCalendarException(
                        "Overtime",
                        LocalDate.of(2025, 3, 9),
                        LocalDate.of(2025, 3, 9),
                        List.of(new PlanPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0))),
                        null)));
        PlanTask phase =
                PlanTask.of("1", null, 1, "Move", PlanDuration.ZERO_DAYS).withKind(PlanTaskKind.SUMMARY);
        PlanTask pack = new PlanTask(
                "2",
                "1",
                2,
                null,
                "Pack racks",
                "Label every cable",
                PlanTaskKind.TASK,
                false,
                true,
                TaskType.FIXED_WORK,
                false,
                days(2),
                1_440L,
                MONDAY,
                MONDAY.plusDays(1).withHour(17),
                ConstraintType.MUST_START_ON,
                MONDAY,
                MONDAY.plusDays(4).withHour(17),
                50,
                MONDAY,
                null,
                800,
                "2",
                null);
        PlanTask ship = new PlanTask(
                "3",
                "1",
                2,
                null,
                "Ship",
                null,
                PlanTaskKind.TASK,
                true,
                false,
                TaskType.FIXED_DURATION,
                false,
                days(1),
                null,
                MONDAY.plusDays(2),
                MONDAY.plusDays(2).withHour(17),
                ConstraintType.FINISH_NO_LATER_THAN,
                MONDAY.plusDays(3).withHour(17),
                null,
                0,
                null,
                null,
                200,
                null,
                null);
        PlanTask live = PlanTask.of("4", null, 1, "Live", PlanDuration.ZERO_DAYS);
        PlanResource mover = new PlanResource(
                "7",
                "Mo Mover",
                "MM",
                "mo@example.com",
                "Crew",
                PlanResourceKind.WORK,
                null,
                150,
                new PlanRate(new BigDecimal("85.5"), DurationUnit.HOURS),
                new PlanRate(new BigDecimal("600"), DurationUnit.DAYS),
                new BigDecimal("25"),
                "2",
                "Has a van");
        PlanResource boxes = new PlanResource(
                "8",
                "Boxes",
                null,
                null,
                null,
                PlanResourceKind.MATERIAL,
                "box",
                100,
                PlanRate.perHour("2"),
                null,
                null,
                null,
                null);
        return new Plan(
                new PlanProperties(
                        name, null, MONDAY, null, MONDAY.plusDays(1), "1", 480, 2400, 20, "EUR", null, false, null),
                List.of(standard, crew),
                List.of(phase, pack, ship, live),
                List.of(PlanLink.finishStart("2", "3"), PlanLink.finishStart("3", "4")),
                List.of(mover, boxes),
                List.of(
                        new PlanAssignment(
                                "31",
                                "2",
                                "7",
                                75,
                                1_440,
                                480,
                                960,
                                MONDAY,
                                MONDAY.plusDays(1).withHour(17),
                                WorkContour.BACK_LOADED),
                        new PlanAssignment(
                                "32",
                                "2",
                                "8",
                                40,
                                0,
                                0,
                                0,
                                MONDAY,
                                MONDAY.plusDays(1).withHour(17),
                                WorkContour.FLAT)),
                List.of(
                        new PlanBaseline(
                                0, "2", MONDAY, MONDAY.plusDays(1).withHour(17), days(2), 960L, new BigDecimal("1368")),
                        new PlanBaseline(
                                3, "3", MONDAY.plusDays(1), MONDAY.plusDays(1).withHour(17), days(1), null, null)),
                List.of());
    }

    @Test
    void calendarsResourcesAssignmentsBaselinesAndSchedulingFieldsSurviveImportAndExport() throws Exception {
        byte[] file = MspdiExport.bytes(everything("Everything kept"));
        Plan expected = PlanReader.read(new ByteArrayInputStream(file), "everything.xml");

        Reply imported = upload("/api/v1/projects/import?dates=file", "everything.xml", file);

        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("notKept")).isEmpty();
        assertThat(imported.json().get("calendars").asInt()).isEqualTo(2);
        assertThat(imported.json().get("resources").asInt()).isEqualTo(2);
        assertThat(imported.json().get("assignments").asInt()).isEqualTo(2);
        assertThat(imported.json().get("baselines").asInt()).isEqualTo(2);
        String key = imported.json().get("projectKey").asString();
        Reply exported = get("/api/v1/projects/" + key + "/export?format=mspdi");
        Plan back = PlanReader.read(new ByteArrayInputStream(exported.raw().body()), key + ".xml");
        assertThat(PlanComparison.compareByOrder(expected, back))
                .extracting(PlanComparison.Difference::describe)
                .isEmpty();
        assertThat(back.resources()).extracting(PlanResource::name).containsExactly("Mo Mover", "Boxes");
        assertThat(back.baselines()).hasSize(2);
        JsonNode project = get("/api/v1/projects/" + key).json();
        assertThat(project.get("calendar").get("holidays").toString()).contains("2025-03-14");
    }

    @Test
    void importingIntoAProjectKeepsItsCalendarAndGivesCollidingCalendarsNewKeys() throws Exception {
        Reply first = upload("/api/v1/projects/import", "first.xml", MspdiExport.bytes(everything("Twice")));
        String key = first.json().get("projectKey").asString();
        JsonNode calendarBefore = get("/api/v1/projects/" + key).json().get("calendar");

        Reply second =
                upload("/api/v1/projects/" + key + "/import", "second.xml", MspdiExport.bytes(everything("Again")));

        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.json().get("notKept").toString()).contains("the project keeps its own");
        assertThat(get("/api/v1/projects/" + key).json().get("calendar")).isEqualTo(calendarBefore);
        Plan back = PlanReader.read(
                new ByteArrayInputStream(get("/api/v1/projects/" + key + "/export?format=mspdi")
                        .raw()
                        .body()),
                key + ".xml");
        assertThat(back.properties().calendarKey()).isEqualTo("1");
        assertThat(back.calendars()).extracting(PlanCalendar::name).contains("Standard", "Night crew");
        assertThat(back.calendars()).hasSize(4);
        assertThat(back.resources()).hasSize(4);
        assertThat(back.assignments()).hasSize(4);
        assertThat(back.tasks().stream().filter(t -> t.name().equals("Pack racks")))
                .extracting(PlanTask::calendarKey)
                .doesNotContainNull()
                .doesNotHaveDuplicates();
    }

    @Test
    void numbersNoTableAcceptsAreSetToTheNearestAllowedValueListedAndThePlanImportedEventIsPublished() {
        Plan good = everything("Negative numbers");
        PlanResource mover = good.resources().get(0);
        PlanResource negative = new PlanResource(
                mover.key(),
                mover.name(),
                null,
                null,
                null,
                PlanResourceKind.WORK,
                null,
                -100,
                new PlanRate(new BigDecimal("-85"), DurationUnit.HOURS),
                null,
                null,
                "2",
                null);
        PlanAssignment assignment = good.assignments().get(0);
        PlanAssignment negativeWork = new PlanAssignment(
                assignment.key(),
                assignment.taskKey(),
                assignment.resourceKey(),
                -50,
                -480,
                0,
                -480,
                assignment.start(),
                assignment.finish(),
                assignment.contour());
        Plan bad = new Plan(
                good.properties(),
                good.calendars(),
                good.tasks(),
                good.links(),
                List.of(negative, good.resources().get(1)),
                List.of(negativeWork, good.assignments().get(1)),
                good.baselines(),
                List.of());
        CurrentUser admin = jdbc.sql("select id, email, name from app_user where email = 'admin@gantry.test'")
                .query((rs, row) -> new CurrentUser(rs.getLong(1), rs.getString(2), rs.getString(3), true))
                .single();

        ImportSummary summary = imports.importPlan(admin, bad, "bad.xml");

        assertThat(summary.notKept()).anySatisfy(line -> assertThat(line).startsWith("5 numbers out of range"));
        long projectId = jdbc.sql("select id from project where project_key = ?")
                .param(summary.projectKey())
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select max_units::text || ' ' || standard_rate::text from resource where project_id = ?"
                                + " and name = 'Mo Mover'")
                        .param(projectId)
                        .query(String.class)
                        .single())
                .isEqualTo("0.00 0.0000");
        assertThat(events.stream(PlanImported.class)).contains(new PlanImported(projectId, true));
    }

    @Test
    void nulCharactersInNamesAreLeftOutInsteadOfFailingTheImport() {
        Plan good = everything("Binary names");
        PlanCalendar standard = good.calendars().get(0);
        PlanCalendar odd = new PlanCalendar(
                standard.key(),
                "Stan\0dard",
                null,
                standard.week(),
                List.of(),
                List.of(new PlanCalendarException(
                        "Hol\0iday", LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 14), List.of(), null)));
        List<PlanTask> tasks = new java.util.ArrayList<>(good.tasks());
        tasks.set(3, PlanTask.of("4", null, 1, "Li\0ve", PlanDuration.ZERO_DAYS));
        Plan bad = new Plan(
                good.properties(),
                List.of(odd, good.calendars().get(1)),
                tasks,
                good.links(),
                good.resources(),
                good.assignments(),
                good.baselines(),
                List.of());

        ImportSummary summary = imports.importPlan(admin(), bad, "binary.mpp");

        assertThat(jdbc.sql("select t.name from task t join project p on p.id = t.project_id where p.project_key = ?"
                                + " order by t.outline_path")
                        .param(summary.projectKey())
                        .query(String.class)
                        .list())
                .contains("Live");
        assertThat(jdbc.sql("select c.definition::text from project_calendar c join project p on p.id = c.project_id"
                                + " where p.project_key = ? and c.calendar_key = '1'")
                        .param(summary.projectKey())
                        .query(String.class)
                        .single())
                .contains("Holiday", "Standard");
    }

    @Test
    void fixedCostsImportWithTheirAccrual() {
        Plan plain = move("Fixed costs", false);
        Plan plan = new Plan(
                plain.properties(),
                plain.calendars(),
                plain.tasks(),
                plain.links(),
                plain.resources(),
                plain.assignments(),
                plain.baselines(),
                List.of(),
                List.of(
                        new org.gantry.interchange.PlanFixedCost(
                                "2", new java.math.BigDecimal("1500.00"), org.gantry.engine.cost.CostAccrual.END),
                        new org.gantry.interchange.PlanFixedCost(
                                "3", new java.math.BigDecimal("200.50"), org.gantry.engine.cost.CostAccrual.START)));

        ImportSummary summary = imports.importPlan(admin(), plan, "fixed.mpp");

        assertThat(jdbc.sql("select t.name || ' ' || t.fixed_cost || ' ' || t.fixed_cost_accrual from task t join"
                                + " project p on p.id = t.project_id where p.project_key = ? order by t.outline_path")
                        .param(summary.projectKey())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "Move 0.0000 PRORATED",
                        "Pack racks 1500.0000 END",
                        "Ship 200.5000 START",
                        "Cable 0.0000 PRORATED",
                        "Live 0.0000 PRORATED");
    }

    private CurrentUser admin() {
        return jdbc.sql("select id, email, name from app_user where email = 'admin@gantry.test'")
                .query((rs, row) -> new CurrentUser(rs.getLong(1), rs.getString(2), rs.getString(3), true))
                .single();
    }

    @Test
    void peopleAssignedOnTasksExportAsResourcesUnlessAResourceStandsForThem() throws Exception {
        Reply imported = upload("/api/v1/projects/import", "people.xml", MspdiExport.bytes(everything("People")));
        String key = imported.json().get("projectKey").asString();
        CurrentUser admin = admin();
        JsonNode live = null;
        JsonNode ship = null;
        for (JsonNode task :
                get("/api/v1/projects/" + key + "/tasks?size=50").json().get("items")) {
            if (task.get("name").asString().equals("Live")) {
                live = task;
            } else if (task.get("name").asString().equals("Ship")) {
                ship = task;
            }
        }
        assertThat(patch(
                                "/api/v1/projects/" + key + "/tasks/"
                                        + live.get("id").asLong(),
                                Map.of(
                                        "assigneeIds",
                                        List.of(admin.id()),
                                        "version",
                                        live.get("version").asInt()))
                        .status())
                .isEqualTo(200);

        Plan before = PlanReader.read(
                new ByteArrayInputStream(get("/api/v1/projects/" + key + "/export?format=mspdi")
                        .raw()
                        .body()),
                "a.xml");
        jdbc.sql("update resource set user_id = ? where name = 'Mo Mover' and project_id ="
                        + " (select id from project where project_key = ?)")
                .params(admin.id(), key)
                .update();
        assertThat(patch(
                                "/api/v1/projects/" + key + "/tasks/"
                                        + ship.get("id").asLong(),
                                Map.of(
                                        "assigneeIds",
                                        List.of(admin.id()),
                                        "version",
                                        ship.get("version").asInt()))
                        .status())
                .isEqualTo(200);
        Plan after = PlanReader.read(
                new ByteArrayInputStream(get("/api/v1/projects/" + key + "/export?format=mspdi")
                        .raw()
                        .body()),
                "b.xml");

        assertThat(before.resources())
                .extracting(PlanResource::name)
                .containsExactly("Mo Mover", "Boxes", admin.name());
        // Since V140 the first assignment made the administrator a resource of the project ("Administrator",
        // still on Live); Ship, assigned after Mo Mover came to stand for them, goes to Mo Mover, and no
        // further resource is made for the same person.
        assertThat(after.resources()).extracting(PlanResource::name).containsExactly("Mo Mover", "Boxes", admin.name());
        String mover = after.resources().get(0).key();
        String shipKey = after.tasks().stream()
                .filter(t -> t.name().equals("Ship"))
                .findFirst()
                .orElseThrow()
                .key();
        assertThat(after.assignments()).anySatisfy(a -> {
            assertThat(a.taskKey()).isEqualTo(shipKey);
            assertThat(a.resourceKey()).isEqualTo(mover);
        });
    }

    private Reply patch(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    @Test
    void anMspdiFileBecomesAProjectAndExportsBackWithTheSameTasksAndLinks() throws Exception {
        byte[] file = MspdiExport.bytes(move("Data centre move", false));

        Reply imported = upload("/api/v1/projects/import", "move.xml", file);

        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        String key = imported.json().get("projectKey").asString();
        assertThat(imported.json().get("tasks").asInt()).isEqualTo(5);
        assertThat(imported.json().get("links").asInt()).isEqualTo(3);
        JsonNode tasks =
                get("/api/v1/projects/" + key + "/tasks?size=50").json().get("items");
        assertThat(tasks)
                .extracting(t -> t.get("name").asString())
                .contains("Move", "Pack racks", "Ship", "Cable", "Live");

        Reply exported = get("/api/v1/projects/" + key + "/export?format=mspdi");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.raw().headers().firstValue("Content-Disposition").orElse(""))
                .contains(key + ".xml");
        Plan back = PlanReader.read(new ByteArrayInputStream(exported.raw().body()), key + ".xml");
        assertThat(back.tasks())
                .extracting(PlanTask::name)
                .containsExactly("Move", "Pack racks", "Ship", "Cable", "Live");
        assertThat(back.tasks().get(1).parentKey())
                .isEqualTo(back.tasks().get(0).key());
        assertThat(back.links())
                .extracting(PlanLink::type)
                .containsExactlyInAnyOrder(LinkType.FINISH_START, LinkType.FINISH_START, LinkType.FINISH_FINISH);
        assertThat(back.links())
                .anySatisfy(link -> assertThat(link.lag().minutes()).isEqualTo(480));
    }

    @Test
    void theFilesWbsCodesAndUnitsGoBackOutUntilTheTaskIsMovedOrItsLengthEdited() throws Exception {
        PlanTask months = PlanTask.of("1", null, 1, "Months", new PlanDuration(9_600, DurationUnit.MONTHS))
                .withWbs("PRJ-1");
        PlanTask elapsed = PlanTask.of("2", null, 1, "Elapsed", new PlanDuration(2_880, DurationUnit.ELAPSED_DAYS))
                .withWbs("PRJ-2");
        PlanTask parent = PlanTask.of("3", null, 1, "Parent", days(1)).withWbs("PRJ-3");
        PlanTask moved = PlanTask.of("4", null, 1, "Moved", days(1)).withWbs("PRJ-4");
        Plan plan = new Plan(
                new PlanProperties("Codes", null, MONDAY, null, null, "1", 480, 2400, 20, "EUR", null, false, null),
                List.of(PlanCalendar.standard("1", "Standard")),
                List.of(months, elapsed, parent, moved),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        Reply imported = upload("/api/v1/projects/import", "codes.xml", MspdiExport.bytes(plan));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("notKept").toString())
                .doesNotContain("WBS")
                .doesNotContain("months");
        String key = imported.json().get("projectKey").asString();
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode task :
                get("/api/v1/projects/" + key + "/tasks?size=50").json().get("items")) {
            byName.put(task.get("name").asString(), task);
        }
        assertThat(byName.get("Months").get("wbs").asString()).isEqualTo("1");

        Plan asImported = export(key);
        assertThat(asImported.tasks()).extracting(PlanTask::wbs).containsExactly("PRJ-1", "PRJ-2", "PRJ-3", "PRJ-4");
        assertThat(asImported.tasks())
                .extracting(t -> t.duration().unit())
                .containsExactly(DurationUnit.MONTHS, DurationUnit.ELAPSED_DAYS, DurationUnit.DAYS, DurationUnit.DAYS);

        JsonNode monthsTask = byName.get("Months");
        assertThat(patch(
                                "/api/v1/projects/" + key + "/tasks/"
                                        + monthsTask.get("id").asLong(),
                                Map.of(
                                        "duration",
                                        "2w",
                                        "version",
                                        monthsTask.get("version").asInt()))
                        .status())
                .isEqualTo(200);
        JsonNode movedTask = byName.get("Moved");
        Reply indented = send(HttpRequest.newBuilder(uri("/api/v1/projects/" + key + "/tasks/"
                        + movedTask.get("id").asLong() + "/indent"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("version", movedTask.get("version").asInt()))))
                .build());
        assertThat(indented.status()).as(indented.text()).isEqualTo(200);

        Plan edited = export(key);
        // The indented task goes out with Gantry's number, not a code that named it where it no longer is; the
        // task whose length was edited goes out in Gantry's unit.
        assertThat(edited.tasks()).extracting(PlanTask::wbs).containsExactly("PRJ-1", "PRJ-2", "PRJ-3", "3.1");
        assertThat(edited.tasks().get(0).duration().unit()).isEqualTo(DurationUnit.WEEKS);
        assertThat(edited.tasks().get(1).duration().unit()).isEqualTo(DurationUnit.ELAPSED_DAYS);
    }

    private Plan export(String key) throws Exception {
        Reply exported = get("/api/v1/projects/" + key + "/export?format=mspdi");
        assertThat(exported.status()).isEqualTo(200);
        return PlanReader.read(new ByteArrayInputStream(exported.raw().body()), key + ".xml");
    }

    @Test
    void aFileImportsIntoAnExistingProjectAfterItsTasks() throws Exception {
        Reply first = upload("/api/v1/projects/import", "move.xml", MspdiExport.bytes(move("Two moves", false)));
        String key = first.json().get("projectKey").asString();

        Reply second =
                upload("/api/v1/projects/" + key + "/import", "again.xml", MspdiExport.bytes(move("Again", false)));

        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.json().get("projectKey").asString()).isEqualTo(key);
        JsonNode tasks =
                get("/api/v1/projects/" + key + "/tasks?size=50").json().get("items");
        assertThat(tasks).hasSize(10);
        assertThat(tasks).extracting(t -> t.get("wbs").asString()).contains("1", "2", "3", "3.1", "4");
        assertThat(get("/api/v1/projects/" + key + "/links?size=50").json().get("items"))
                .hasSize(6);
    }

    @Test
    void theReportListsMovedDatesAndWritesNothing() throws Exception {
        long before = projectCount();

        Reply report =
                upload("/api/v1/projects/import/report", "move.xml", MspdiExport.bytes(move("Report only", false)));

        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.json().get("tasks").asInt()).isEqualTo(5);
        assertThat(report.json().get("dateDifferences").isArray()).isTrue();
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void everyExportFormatDownloads() throws Exception {
        Reply imported = upload("/api/v1/projects/import", "move.xml", MspdiExport.bytes(move("Formats", false)));
        String key = imported.json().get("projectKey").asString();

        assertThat(new String(
                        get("/api/v1/projects/" + key + "/export?format=xer")
                                .raw()
                                .body(),
                        0,
                        5,
                        StandardCharsets.US_ASCII))
                .isEqualTo("ERMHD");
        assertThat(get("/api/v1/projects/" + key + "/export?format=csv").text()).contains("Pack racks");
        byte[] xlsx =
                get("/api/v1/projects/" + key + "/export?format=xlsx").raw().body();
        assertThat(Arrays.copyOf(xlsx, 2)).isEqualTo(new byte[] {'P', 'K'});
        assertThat(get("/api/v1/projects/" + key + "/export?format=pdf").status())
                .isEqualTo(400);
    }

    @Test
    void aTruncatedFileIsRefusedAndLeavesNoProject() throws Exception {
        byte[] whole = MspdiExport.bytes(move("Cut short", false));
        long before = projectCount();

        Reply reply = upload("/api/v1/projects/import", "cut.xml", Arrays.copyOf(whole, whole.length / 2));

        assertThat(reply.status()).as(reply.text()).isBetween(400, 499);
        assertThat(reply.json().get("detail").asString()).startsWith("The file");
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void anEmptyOrForeignFileSaysSo() throws Exception {
        Reply empty = upload("/api/v1/projects/import", "empty.mpp", new byte[0]);
        Reply picture = upload("/api/v1/projects/import", "picture.mpp", new byte[] {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
        });

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("reason").asString()).isEqualTo("EMPTY");
        assertThat(picture.status()).isEqualTo(415);
        assertThat(picture.json().get("detail").asString()).contains("does not recognise");
    }

    @Test
    void aLinkLoopRollsBackTheWholeImport() throws Exception {
        long before = projectCount();

        Reply reply = upload("/api/v1/projects/import", "loop.xml", MspdiExport.bytes(move("Loop", true)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void aFourThousandActivityPrimaveraScheduleImportsInSeconds() throws Exception {
        List<PlanTask> tasks = new java.util.ArrayList<>();
        List<PlanLink> links = new java.util.ArrayList<>();
        int key = 1;
        for (int phase = 0; phase < 100; phase++) {
            String phaseKey = String.valueOf(key++);
            tasks.add(PlanTask.of(phaseKey, null, 1, "Phase " + phase, PlanDuration.ZERO_DAYS)
                    .withKind(PlanTaskKind.SUMMARY));
            for (int activity = 0; activity < 40; activity++) {
                String activityKey = String.valueOf(key++);
                tasks.add(PlanTask.of(activityKey, phaseKey, 2, "Activity " + activityKey, days(1 + activity % 5)));
                if (activity > 0) {
                    links.add(PlanLink.finishStart(String.valueOf(key - 2), activityKey));
                }
            }
        }
        // Forty crews with rates, each activity staffed by one of them.
        List<PlanResource> crews = new java.util.ArrayList<>();
        for (int crew = 1; crew <= 40; crew++) {
            crews.add(new PlanResource(
                    "R" + crew,
                    "Crew " + crew,
                    null,
                    null,
                    null,
                    PlanResourceKind.WORK,
                    null,
                    100,
                    PlanRate.perHour(String.valueOf(40 + crew)),
                    null,
                    null,
                    null,
                    null));
        }
        List<PlanAssignment> staffing = new java.util.ArrayList<>();
        for (PlanTask task : tasks) {
            if (task.kind() != PlanTaskKind.SUMMARY) {
                staffing.add(new PlanAssignment(
                        "A" + task.key(),
                        task.key(),
                        "R" + (1 + Integer.parseInt(task.key()) % 40),
                        100,
                        task.duration().minutes(),
                        0,
                        task.duration().minutes(),
                        null,
                        null,
                        WorkContour.FLAT));
            }
        }
        Plan plan = new Plan(
                new PlanProperties(
                        "Refinery turnaround", null, MONDAY, null, null, "1", 480, 2400, 20, "EUR", null, false, null),
                List.of(PlanCalendar.standard("1", "Standard")),
                tasks,
                links,
                crews,
                staffing,
                List.of(),
                List.of());
        byte[] xer = org.gantry.interchange.XerExport.bytes(plan);

        long began = System.nanoTime();
        Reply imported = upload("/api/v1/projects/import", "turnaround.xer", xer);
        long millis = (System.nanoTime() - began) / 1_000_000L;
        long seconds = millis / 1_000;

        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("tasks").asInt()).isGreaterThanOrEqualTo(4_100);
        assertThat(imported.json().get("resources").asInt()).isEqualTo(40);
        assertThat(imported.json().get("assignments").asInt()).isEqualTo(4_000);
        System.out.println("4,100-activity XER imported in " + millis + " ms");
        String projectKey = imported.json().get("projectKey").asString();
        long exportBegan = System.nanoTime();
        Reply exported = get("/api/v1/projects/" + projectKey + "/export?format=mspdi");
        assertThat(exported.status()).isEqualTo(200);
        System.out.println("... and exported as MSPDI in " + (System.nanoTime() - exportBegan) / 1_000_000L + " ms");
        assertThat(seconds).isLessThan(20);

        // The activity log records the import once, with what it brought, not 8,000 rows.
        Reply activity = get("/api/v1/projects/" + projectKey + "/activity?kind=project&size=50");
        assertThat(activity.json()
                        .get("items")
                        .valueStream()
                        .filter(row -> row.get("action").asString().equals("imported"))
                        .toList())
                .singleElement()
                .satisfies(row -> assertThat(row.get("changes").toString())
                        .contains("\"" + imported.json().get("tasks").asInt() + "\"", "\"4000\""));
        assertThat(get("/api/v1/projects/" + projectKey + "/activity?kind=task&size=1")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aSpreadsheetIsPreviewedWithItsMappingThenImported() throws Exception {
        byte[] csv = ("Task Name,Level,Duration,Start,Predecessors,Colour\n"
                        + "Survey,1,,,,red\n"
                        + "Measure,2,2d,2025-03-03,,red\n"
                        + "Draw,2,3d,,2FS+1d,blue\n"
                        + "Done,1,0,,3,green\n")
                .getBytes(StandardCharsets.UTF_8);

        Reply preview = upload("/api/v1/projects/import/table/preview", "survey.csv", csv);

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().get("mapping"))
                .extracting(JsonNode::asString)
                .containsExactly("NAME", "OUTLINE_LEVEL", "DURATION", "START", "PREDECESSORS", "IGNORED");
        assertThat(preview.json().get("tasks"))
                .extracting(t -> t.get("type").asString())
                .containsExactly("SUMMARY", "TASK", "TASK", "MILESTONE");
        assertThat(preview.json().get("errors")).isEmpty();

        Reply imported = upload("/api/v1/projects/import/table", "survey.csv", csv);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("tasks").asInt()).isEqualTo(4);
        assertThat(imported.json().get("links").asInt()).isEqualTo(2);
        assertThat(imported.json().get("projectName").asString()).isEqualTo("survey");
    }

    @Test
    void aSpreadsheetWithWrongRowsNamesThemAndCreatesNothing() throws Exception {
        byte[] csv = "Name,Duration,Predecessors\nA,3 dayz,\nB,1d,9\n".getBytes(StandardCharsets.UTF_8);
        long before = projectCount();

        Reply reply = upload("/api/v1/projects/import/table", "bad.csv", csv);

        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        assertThat(reply.json().get("rows"))
                .extracting(r -> r.get("message").asString())
                .containsExactly(
                        "Row 2, column 'Duration': '3 dayz' is not a duration (write e.g. 5d, 3h, 2w, 1mo)",
                        "Row 3, column 'Predecessors': '9' refers to task 9, which is not in the file");
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    @Tag("oracle")
    void aMicrosoftProjectMppFileImports() throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        byte[] mpp = Files.readAllBytes(Path.of(oracles, "msproject", "mpp14relations.mpp"));

        Reply imported = upload("/api/v1/projects/import", "mpp14relations.mpp", mpp);

        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("tasks").asInt()).isGreaterThan(0);
        assertThat(imported.json().get("sourceFormat").asString()).contains("MPP");
    }
}
