package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The one-click reports through the API on {@link ReportPlan}'s scripted plan, every number worked out by hand
 * (working days of Mon-Fri 8 h days): the schedule, milestone, late-task, baseline-variance and workload
 * reports at a date, the same reports as PDF (read back with PDFBox) and Excel (read back with POI), the
 * parameters' 400s, and who may read them.
 */
class ProjectReportApiIT extends ApiIntegrationTest {

    private static JsonNode report(ReportPlan plan, String kind, String query) {
        Response answer = plan.api().get(plan.path() + "/reports/" + kind + (query.isEmpty() ? "" : "?" + query));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().get("kind").asString()).isEqualTo(kind);
        return answer.body();
    }

    private static JsonNode row(JsonNode report, String wbs) {
        return report.get("rows")
                .valueStream()
                .filter(r -> r.get("wbs").asString().equals(wbs))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + wbs + " in " + report));
    }

    private static JsonNode figure(JsonNode report, String id) {
        return report.get("figures")
                .valueStream()
                .filter(f -> f.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + id + " in " + report))
                .get("value");
    }

    private static List<String> column(JsonNode report, String id) {
        return report.get("rows").valueStream().map(r -> r.get(id).asString()).toList();
    }

    @Test
    void theScheduleReportListsEveryTaskWithItsDatesSlackAndCriticality() {
        ReportPlan plan = ReportPlan.scripted(this, "sched");
        JsonNode report = report(plan, "schedule", "date=2026-03-06");
        assertThat(report.get("asOf").asString()).isEqualTo("2026-03-06T23:59:00");
        assertThat(report.get("asOfSource").asString()).isEqualTo("report date");
        assertThat(column(report, "wbs")).containsExactly("1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "3");

        JsonNode design = row(report, "1.1");
        assertThat(design.get("name").asString()).isEqualTo("Design");
        assertThat(design.get("type").asString()).isEqualTo("task");
        assertThat(design.get("durationDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(design.get("start").asString()).isEqualTo("2026-03-04");
        assertThat(design.get("finish").asString()).isEqualTo("2026-03-05");
        assertThat(design.get("percentComplete").asInt()).isEqualTo(50);
        assertThat(design.get("totalSlackDays").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(design.get("critical").asString()).isEqualTo("yes");
        JsonNode code = row(report, "1.2.1");
        assertThat(code.get("start").asString()).isEqualTo("2026-03-06");
        assertThat(code.get("finish").asString()).isEqualTo("2026-03-10");
        assertThat(code.get("critical").asString()).isEqualTo("yes");
        // Docs is finished: the engine leaves a finished task no slack and never calls it critical.
        JsonNode docs = row(report, "1.2.2");
        assertThat(docs.get("totalSlackDays").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(docs.get("percentComplete").asInt()).isEqualTo(100);
        assertThat(docs.get("critical").asString()).isEqualTo("no");
        assertThat(row(report, "2").get("type").asString()).isEqualTo("milestone");
        assertThat(row(report, "1.2").get("type").asString()).isEqualTo("summary");
        assertThat(row(report, "1.2").get("critical").asString()).isEqualTo("no");

        assertThat(figure(report, "tasks").asInt()).isEqualTo(5);
        assertThat(figure(report, "milestones").asInt()).isEqualTo(1);
        assertThat(figure(report, "criticalTasks").asInt()).isEqualTo(3);
        assertThat(figure(report, "start").asString()).isEqualTo("2026-03-02");
        assertThat(figure(report, "finish").asString()).isEqualTo("2026-03-10");
        // Mon 2 March 8:00 to Tue 10 March 17:00: seven working days.
        assertThat(figure(report, "lengthDays").decimalValue()).isEqualByComparingTo("7.0");
    }

    @Test
    void theMilestoneReportComparesEachMilestoneWithTheBaselineAndTellsWhetherItIsLate() {
        ReportPlan plan = ReportPlan.scripted(this, "miles");
        JsonNode friday = report(plan, "milestones", "date=2026-03-06");
        assertThat(friday.get("baselineSlot").asInt()).isZero();
        assertThat(friday.get("baselineSet").asBoolean()).isTrue();
        assertThat(friday.get("rows")).hasSize(1);
        JsonNode launch = row(friday, "2");
        assertThat(launch.get("name").asString()).isEqualTo("Launch");
        assertThat(launch.get("date").asString()).isEqualTo("2026-03-10");
        assertThat(launch.get("baselineDate").asString()).isEqualTo("2026-03-06");
        // Fri 6 17:00 to Tue 10 17:00: Monday and Tuesday.
        assertThat(launch.get("varianceDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(launch.get("state").asString()).isEqualTo("upcoming");
        assertThat(figure(friday, "slipped").asInt()).isEqualTo(1);
        assertThat(figure(friday, "late").asInt()).isZero();
        assertThat(figure(friday, "next").asString()).isEqualTo("2 Launch");
        assertThat(figure(friday, "nextDate").asString()).isEqualTo("2026-03-10");

        JsonNode wednesday = report(plan, "milestones", "date=2026-03-11");
        assertThat(row(wednesday, "2").get("state").asString()).isEqualTo("late");
        assertThat(figure(wednesday, "late").asInt()).isEqualTo(1);
        assertThat(figure(wednesday, "next").isNull()).isTrue();

        // Baseline 3 was never set: no baseline dates, and the report says so.
        JsonNode unset = report(plan, "milestones", "date=2026-03-06&baseline=3");
        assertThat(unset.get("baselineSet").asBoolean()).isFalse();
        assertThat(row(unset, "2").get("baselineDate").isNull()).isTrue();
        assertThat(unset.get("note").asString()).contains("not set");
    }

    @Test
    void theLateTaskReportCountsWorkingDaysLateAtTheDate() {
        ReportPlan plan = ReportPlan.scripted(this, "late");
        JsonNode friday = report(plan, "late-tasks", "date=2026-03-06");
        // Design (50 %) should have finished Thu 5 17:00: one working day late at the end of Friday.
        assertThat(column(friday, "wbs")).containsExactly("1.1");
        JsonNode design = row(friday, "1.1");
        assertThat(design.get("daysLate").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(design.get("finish").asString()).isEqualTo("2026-03-05");
        assertThat(design.get("percentComplete").asInt()).isEqualTo(50);
        assertThat(design.get("critical").asString()).isEqualTo("yes");
        assertThat(design.get("assignees").asString()).isEqualTo("lateowner Tester");
        assertThat(figure(friday, "lateTasks").asInt()).isEqualTo(1);
        assertThat(figure(friday, "lateCritical").asInt()).isEqualTo(1);
        assertThat(figure(friday, "mostDaysLate").decimalValue()).isEqualByComparingTo("1.0");
        // Code was to start Fri 6 08:00 and has not.
        assertThat(figure(friday, "notStarted").asInt()).isEqualTo(1);

        // At the end of Wed 11 March: Design 4 days late (Fri, Mon, Tue, Wed), Code and Launch 1 day (Wed).
        JsonNode wednesday = report(plan, "late-tasks", "date=2026-03-11");
        assertThat(column(wednesday, "wbs")).containsExactly("1.1", "1.2.1", "2");
        assertThat(row(wednesday, "1.1").get("daysLate").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(row(wednesday, "1.2.1").get("daysLate").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(row(wednesday, "1.2.1").get("assignees").asString()).isEqualTo("lateowner Tester, latepat Tester");
        assertThat(row(wednesday, "2").get("daysLate").decimalValue()).isEqualByComparingTo("1.0");

        // Before anything was due, nothing is late.
        JsonNode monday = report(plan, "late-tasks", "date=2026-03-02");
        assertThat(monday.get("rows")).isEmpty();
        assertThat(monday.get("note").asString()).isEqualTo("No task is late at this date.");
    }

    @Test
    void theBaselineVarianceReportComparesEveryTaskWithTheChosenBaseline() {
        ReportPlan plan = ReportPlan.scripted(this, "var");
        JsonNode report = report(plan, "baseline-variance", "date=2026-03-06&baseline=0");
        assertThat(column(report, "change"))
                .containsExactly("moved", "moved", "moved", "moved", "on plan", "moved", "added");
        JsonNode design = row(report, "1.1");
        assertThat(design.get("baselineStart").asString()).isEqualTo("2026-03-02");
        assertThat(design.get("start").asString()).isEqualTo("2026-03-04");
        assertThat(design.get("startVarianceDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(design.get("baselineFinish").asString()).isEqualTo("2026-03-03");
        assertThat(design.get("finishVarianceDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(design.get("durationVarianceDays").decimalValue()).isEqualByComparingTo("0.0");
        JsonNode code = row(report, "1.2.1");
        assertThat(code.get("baselineStart").asString()).isEqualTo("2026-03-04");
        assertThat(code.get("startVarianceDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(code.get("finishVarianceDays").decimalValue()).isEqualByComparingTo("2.0");
        JsonNode build = row(report, "1.2");
        assertThat(build.get("startVarianceDays").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(build.get("finishVarianceDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(row(report, "2").get("finishVarianceDays").decimalValue()).isEqualByComparingTo("2.0");
        JsonNode extra = row(report, "3");
        assertThat(extra.get("baselineStart").isNull()).isTrue();
        assertThat(extra.get("finishVarianceDays").isNull()).isTrue();

        assertThat(figure(report, "tasksInBaseline").asInt()).isEqualTo(6);
        assertThat(figure(report, "onPlan").asInt()).isEqualTo(1);
        assertThat(figure(report, "moved").asInt()).isEqualTo(5);
        assertThat(figure(report, "added").asInt()).isEqualTo(1);
        assertThat(figure(report, "baselineFinish").asString()).isEqualTo("2026-03-06");
        assertThat(figure(report, "finish").asString()).isEqualTo("2026-03-10");
        assertThat(figure(report, "finishVarianceDays").decimalValue()).isEqualByComparingTo("2.0");

        // A baseline saved now in slot 2 matches the plan: every task on plan.
        Response saved = plan.api().post(plan.path() + "/baselines/2", json());
        assertThat(saved.status()).as(saved.toString()).isBetween(200, 201);
        JsonNode second = report(plan, "baseline-variance", "date=2026-03-06&baseline=2");
        assertThat(second.get("baselineSlot").asInt()).isEqualTo(2);
        assertThat(figure(second, "onPlan").asInt()).isEqualTo(7);
        assertThat(figure(second, "moved").asInt()).isZero();
        assertThat(figure(second, "finishVarianceDays").decimalValue()).isEqualByComparingTo("0.0");

        JsonNode unset = report(plan, "baseline-variance", "baseline=3");
        assertThat(unset.get("baselineSet").asBoolean()).isFalse();
        assertThat(unset.get("rows")).isEmpty();
        assertThat(unset.get("note").asString()).isEqualTo("Baseline 3 is not set: there is nothing to compare with.");
    }

    @Test
    void theWorkloadReportGivesEachPersonsHoursPerWeekAgainstTheirCapacity() {
        ReportPlan plan = ReportPlan.scripted(this, "load");
        JsonNode report = report(plan, "workload", "date=2026-03-06");
        assertThat(figure(report, "from").asString()).isEqualTo("2026-03-02");
        assertThat(figure(report, "to").asString()).isEqualTo("2026-03-29");
        // Owner: Design 16 h (Wed, Thu) and Code 8 h (Fri) in the week of 2 March, Code 16 h (Mon, Tue) the next.
        JsonNode owner = report.get("rows")
                .valueStream()
                .filter(r -> r.get("name").asString().equals("loadowner Tester"))
                .findFirst()
                .orElseThrow();
        assertThat(owner.get("week1Hours").decimalValue()).isEqualByComparingTo("24.0");
        assertThat(owner.get("week1Percent").asInt()).isEqualTo(60);
        assertThat(owner.get("week2Hours").decimalValue()).isEqualByComparingTo("16.0");
        assertThat(owner.get("week3Hours").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(owner.get("totalHours").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(owner.get("capacityHours").decimalValue()).isEqualByComparingTo("160.0");
        assertThat(owner.get("overDays").asInt()).isZero();
        // Pat: Docs 8 h (Mon) and Code 8 h (Fri), then Code 16 h.
        JsonNode pat = report.get("rows")
                .valueStream()
                .filter(r -> r.get("name").asString().equals("loadpat Tester"))
                .findFirst()
                .orElseThrow();
        assertThat(pat.get("week1Hours").decimalValue()).isEqualByComparingTo("16.0");
        assertThat(pat.get("week2Hours").decimalValue()).isEqualByComparingTo("16.0");
        assertThat(pat.get("totalHours").decimalValue()).isEqualByComparingTo("32.0");
        assertThat(figure(report, "overAllocated").asInt()).isZero();
        assertThat(figure(report, "totalHours").decimalValue()).isEqualByComparingTo("72.0");
        assertThat(report.get("columns").get(1).get("label").asString()).isEqualTo("W10 Mar 2 hours");
    }

    @Test
    void eachReportIsAPdfWithItsTableAsTextAndAWorkbookWithTheSameNumbers() throws IOException {
        ReportPlan plan = ReportPlan.scripted(this, "files");
        String late = plan.path() + "/reports/late-tasks?date=2026-03-11";
        Response head = plan.api().get(late + "&format=pdf");
        assertThat(head.status()).as(head.toString()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(head.header("Content-Disposition"))
                .contains("attachment")
                .contains(plan.key() + "-late-tasks-report-2026-03-11.pdf");
        try (PDDocument pdf = Loader.loadPDF(plan.api().download(late + "&format=pdf"))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Late task report");
            assertThat(text)
                    .contains("Reports files " + plan.key() + " (" + plan.key()
                            + ") · as of 2026-03-11 23:59 (report date)");
            // The table's rows as text: Design four days late, Code and Launch one.
            assertThat(text).containsPattern("1\\.1\\s+Design\\s+2026-03-04\\s+2026-03-05\\s+4\\.0\\s+50 %\\s+yes");
            assertThat(text).containsPattern("1\\.2\\.1\\s+Code\\s+2026-03-06\\s+2026-03-10\\s+1\\.0\\s+0 %");
            assertThat(text).contains("Page 1 of 1");
        }
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(plan.api().download(late + "&format=xlsx")))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Summary", "Late tasks");
            Sheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Reports files " + plan.key());
            assertThat(summary.getRow(2).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 11));
            Sheet table = workbook.getSheet("Late tasks");
            assertThat(table.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Days late");
            Row design = table.getRow(1);
            assertThat(design.getCell(0).getStringCellValue()).isEqualTo("1.1");
            assertThat(design.getCell(1).getStringCellValue()).isEqualTo("Design");
            assertThat(design.getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(design.getCell(4).getNumericCellValue()).isEqualTo(4.0);
            assertThat(design.getCell(5).getNumericCellValue()).isEqualTo(50.0);
            assertThat(table.getLastRowNum()).isEqualTo(3);
        }

        // Every kind makes a PDF and a workbook; the variance report's holds the 2.0-day finish variance.
        for (String kind : List.of("schedule", "milestones", "baseline-variance", "workload")) {
            String path = plan.path() + "/reports/" + kind + "?date=2026-03-06";
            try (PDDocument pdf = Loader.loadPDF(plan.api().download(path + "&format=pdf"))) {
                assertThat(pdf.getNumberOfPages()).as(kind).isEqualTo(1);
            }
            try (XSSFWorkbook workbook =
                    new XSSFWorkbook(new ByteArrayInputStream(plan.api().download(path + "&format=xlsx")))) {
                assertThat(workbook.getNumberOfSheets()).as(kind).isEqualTo(2);
            }
        }
        try (PDDocument pdf = Loader.loadPDF(
                plan.api().download(plan.path() + "/reports/baseline-variance?date=2026-03-06&format=pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .containsPattern(
                            "1\\.2\\.1\\s+Code\\s+2026-03-04\\s+2026-03-06\\s+2\\.0\\s+2026-03-06\\s+2026-03-10\\s+2\\.0\\s+0\\.0\\s+moved");
            assertThat(text)
                    .containsPattern("3\\s+Extra\\s+–\\s+2026-03-02\\s+–\\s+–\\s+2026-03-02\\s+–\\s+–\\s+added");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                plan.api().download(plan.path() + "/reports/milestones?date=2026-03-06&format=xlsx")))) {
            Row launch = workbook.getSheet("Milestones").getRow(1);
            assertThat(launch.getCell(1).getStringCellValue()).isEqualTo("Launch");
            assertThat(launch.getCell(2).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(launch.getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 6));
            assertThat(launch.getCell(4).getNumericCellValue()).isEqualTo(2.0);
            assertThat(launch.getCell(6).getStringCellValue()).isEqualTo("upcoming");
        }
    }

    @Test
    void wrongParametersAre400sNamingEachAnUnknownKind404AndTheDateDefaultsToTheStatusDate() {
        ReportPlan plan = ReportPlan.scripted(this, "params");
        Response unknown = plan.api().get(plan.path() + "/reports/gantt-of-doom?format=pdf");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asString()).contains("late-tasks");
        assertThat(errorFields(
                        plan.api().get(plan.path() + "/reports/schedule?format=docx&date=2026-02-30&baseline=11")))
                .containsExactlyInAnyOrder("format", "date", "baseline");
        assertThat(errorFields(plan.api().get(plan.path() + "/reports/milestones?baseline=one&date=3000-01-01")))
                .containsExactlyInAnyOrder("baseline", "date");

        JsonNode today = report(plan, "schedule", "");
        assertThat(today.get("asOfSource").asString()).isEqualTo("today");
        int version = plan.api().get(plan.path()).body().get("version").asInt();
        Response status = plan.api()
                .put(plan.path() + "/status-date", json("statusDate", "2026-03-06T12:00:00", "version", version));
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        JsonNode atStatus = report(plan, "late-tasks", "");
        assertThat(atStatus.get("asOf").asString()).isEqualTo("2026-03-06T12:00:00");
        assertThat(atStatus.get("asOfSource").asString()).isEqualTo("status date");
        // Friday noon: Design is late by half a day.
        assertThat(row(atStatus, "1.1").get("daysLate").decimalValue()).isEqualByComparingTo("0.5");

        JsonNode kinds = plan.api().get(plan.path() + "/reports").body();
        assertThat(kinds.valueStream().map(k -> k.get("kind").asString()))
                .containsExactly("schedule", "milestones", "late-tasks", "baseline-variance", "workload");
    }

    @Test
    void membersAndStakeholdersReadTheReportsOutsidersFindNoProject() {
        ReportPlan plan = ReportPlan.scripted(this, "who");
        TestUser sponsor = newUser("whosponsor");
        addMember(plan.api(), plan.key(), sponsor, "STAKEHOLDER");
        for (String kind : List.of("schedule", "milestones", "late-tasks", "baseline-variance")) {
            Response read = sponsor.api().get(plan.path() + "/reports/" + kind + "?date=2026-03-06&format=pdf");
            assertThat(read.status()).as(kind).isEqualTo(200);
            assertThat(plan.pat().api().get(plan.path() + "/reports/" + kind).status())
                    .as(kind)
                    .isEqualTo(200);
        }
        // The workload shows people's load across all their projects: the project's owners and managers only.
        assertThat(sponsor.api().get(plan.path() + "/reports/workload").status())
                .isEqualTo(403);
        assertThat(plan.pat().api().get(plan.path() + "/reports/workload").status())
                .isEqualTo(403);
        TestUser outsider = newUser("whooutsider");
        assertThat(outsider.api().get(plan.path() + "/reports/schedule").status())
                .isEqualTo(404);
        assertThat(outsider.api()
                        .get(plan.path() + "/reports/schedule?format=xlsx")
                        .status())
                .isEqualTo(404);
        assertThat(outsider.api().get(plan.path() + "/reports").status()).isEqualTo(404);
    }
}
