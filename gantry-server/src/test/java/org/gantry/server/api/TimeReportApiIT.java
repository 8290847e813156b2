package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Activity types and the hours reports: Ann logs 8 h of development and 2 h of meetings (not billable) on
 * Build in the week of 2026-03-02, Bob 4 h on Test the week after without a type; Ann's week is approved.
 */
class TimeReportApiIT extends ApiIntegrationTest {

    private TestUser owner;
    private TestUser ann;
    private TestUser bob;
    private String key;
    private String project;
    private long build;
    private long test;

    @BeforeEach
    void project() {
        owner = newUser("owner");
        ann = newUser("ann");
        bob = newUser("bob");
        key = newProject(owner);
        project = "/api/v1/projects/" + key;
        addMember(owner.api(), key, ann, "MEMBER");
        addMember(owner.api(), key, bob, "MEMBER");
        build = createTask(owner.api(), key, "Build", null).get("id").asLong();
        test = createTask(owner.api(), key, "Test", null).get("id").asLong();
    }

    private long type(String name, boolean billable) {
        Response created = owner.api().post(project + "/activity-types", json("name", name, "billable", billable));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private JsonNode logged(TestUser who, Object body) {
        Response created = who.api().post("/api/v1/time-entries", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    @Test
    void activityTypesAreDefinedByOwnersAndManagersAndSetTheBillableDefault() {
        long development = type("Development", true);
        long meetings = type("Meetings", false);
        assertThat(owner.api()
                        .post(project + "/activity-types", json("name", "development"))
                        .status())
                .isEqualTo(409);
        assertThat(errorFields(owner.api().post(project + "/activity-types", json("name", " "))))
                .containsExactly("name");
        assertThat(ann.api()
                        .post(project + "/activity-types", json("name", "Travel"))
                        .status())
                .isEqualTo(403);
        assertThat(ann.api().get(project + "/activity-types").body().size()).isEqualTo(2);

        JsonNode meeting = logged(
                ann,
                json(
                        "taskId",
                        build,
                        "date",
                        "2026-03-03",
                        "hours",
                        "2",
                        "activityTypeId",
                        meetings,
                        "note",
                        "kick-off"));
        assertThat(meeting.get("activityTypeName").asString()).isEqualTo("Meetings");
        assertThat(meeting.get("billable").asBoolean()).isFalse();
        assertThat(meeting.get("note").asString()).isEqualTo("kick-off");
        JsonNode coding = logged(
                ann, json("taskId", build, "date", "2026-03-02", "hours", "1:30", "activityTypeId", development));
        assertThat(coding.get("billable").asBoolean()).isTrue();

        String otherKey = newProject(owner);
        long foreign = owner.api()
                .post("/api/v1/projects/" + otherKey + "/activity-types", json("name", "Elsewhere"))
                .body()
                .get("id")
                .asLong();
        Response wrong = ann.api()
                .post(
                        "/api/v1/time-entries",
                        json("taskId", build, "date", "2026-03-02", "hours", "1", "activityTypeId", foreign));
        assertThat(errorFields(wrong)).containsExactly("activityTypeId");

        Response renamed = owner.api()
                .patch(project + "/activity-types/" + meetings, json("name", "Meetings and calls", "version", 0));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(owner.api()
                        .patch(project + "/activity-types/" + meetings, json("name", "Calls", "version", 0))
                        .status())
                .isEqualTo(409);
        assertThat(owner.api().delete(project + "/activity-types/" + meetings).status())
                .isEqualTo(204);
        JsonNode kept = ann.api()
                .get("/api/v1/time-entries/" + meeting.get("id").asLong())
                .body();
        assertThat(kept.get("activityTypeId").isNull()).isTrue();
        assertThat(kept.get("minutes").asInt()).isEqualTo(120);
    }

    @Test
    void hoursAreReportedByPersonTaskActivityAndWeekAsCsvAndExcel() {
        long development = type("Development", true);
        long meetings = type("Meetings", false);
        logged(ann, json("taskId", build, "date", "2026-03-02", "hours", "8", "activityTypeId", development));
        logged(ann, json("taskId", build, "date", "2026-03-04", "hours", "2", "activityTypeId", meetings));
        logged(bob, json("taskId", test, "date", "2026-03-10", "hours", "4"));
        JsonNode week = ann.api()
                .post(project + "/timesheet-submissions", json("week", "2026-03-02"))
                .body();
        assertThat(owner.api()
                        .post(
                                project + "/timesheet-submissions/"
                                        + week.get("id").asLong() + "/approve",
                                json("version", 0))
                        .status())
                .isEqualTo(200);

        JsonNode byPerson = owner.api().get(project + "/time-report?by=person").body();
        assertThat(byPerson.get("hours").decimalValue()).isEqualByComparingTo("14");
        assertThat(byPerson.get("billableHours").decimalValue()).isEqualByComparingTo("12");
        assertThat(byPerson.get("approvedHours").decimalValue()).isEqualByComparingTo("10");
        assertThat(byPerson.get("lines").get(0).get("label").asString()).isEqualTo("ann Tester");
        assertThat(byPerson.get("lines").get(0).get("hours").decimalValue()).isEqualByComparingTo("10");

        JsonNode byActivity =
                owner.api().get(project + "/time-report?by=activity").body();
        assertThat(byActivity
                        .get("lines")
                        .valueStream()
                        .map(l -> l.get("label").asString() + "="
                                + l.get("hours")
                                        .decimalValue()
                                        .stripTrailingZeros()
                                        .toPlainString()))
                .containsExactly("Development=8", "Meetings=2", "No activity type=4");
        JsonNode byWeek = owner.api()
                .get(project + "/time-report?by=week&from=2026-03-09")
                .body();
        assertThat(byWeek.get("lines").size()).isEqualTo(1);
        assertThat(byWeek.get("lines").get(0).get("label").asString()).isEqualTo("Week of 2026-03-09");
        JsonNode byTask = owner.api().get(project + "/time-report?by=task").body();
        assertThat(byTask.get("lines").get(0).get("label").asString()).endsWith("Build");

        assertThat(ann.api().get(project + "/time-report").status()).isEqualTo(403);
        assertThat(errorFields(owner.api().get(project + "/time-report?by=month&from=2026-03-09&to=2026-03-01")))
                .containsExactlyInAnyOrder("by", "to");
        assertThat(errorFields(owner.api().get(project + "/time-report/export?format=pdf")))
                .containsExactly("format");

        Response csv = owner.api().get(project + "/time-report/export?format=csv&by=activity");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.raw().body())
                .isEqualTo("Activity type,Hours,Billable hours,Approved hours\r\n"
                        + "Development,8,8,8\r\nMeetings,2,0,2\r\nNo activity type,4,4,0\r\nTotal,14,12,10\r\n");
    }

    @Test
    void theExcelReportHasNumbersInItsCells() throws Exception {
        logged(bob, json("taskId", test, "date", "2026-03-10", "hours", "4:30"));
        byte[] xlsx = owner.api().download(project + "/time-report/export?format=xlsx&by=week");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Week");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Week of 2026-03-09");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4.5);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Total");
        }
    }
}
