package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A status report downloaded as a PDF and as an Excel workbook, read back with PDFBox and Apache POI: the PDF
 * holds the report's text (project, RAG words, milestone table) in embedded fonts, the workbook a sheet per
 * section with the snapshot's dates and numbers. Plan: starts Mon 2 March 2026; Build (3d) -> Acceptance
 * (milestone), baseline 0 set, then Build is made 5 days long, so Acceptance slips 2 working days from Wed
 * 4 March 17:00 to Fri 6 March 17:00. The report is for Wed 4 March.
 */
class StatusReportExportIT extends ApiIntegrationTest {

    record Plan(TestUser owner, String key, String reports, JsonNode report) {}

    private Plan plan() {
        TestUser owner = newUser("exportowner");
        String key = newKey();
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Harbour crane " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/api/v1/projects/" + key;
        JsonNode build = createTask(owner.api(), key, json("name", "Build", "duration", "3d"));
        long acceptance = createTask(owner.api(), key, json("name", "Acceptance", "milestone", true))
                .get("id")
                .asLong();
        Response link = owner.api()
                .post(path + "/links", json("predecessorId", build.get("id").asLong(), "successorId", acceptance));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        Response baseline = owner.api().post(path + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);
        String buildPath = path + "/tasks/" + build.get("id").asLong();
        int version = owner.api().get(buildPath).body().get("version").asInt();
        Response longer = owner.api().patch(buildPath, json("duration", "5d", "version", version));
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);
        Response risk = owner.api()
                .post(path + "/risks", json("title", "Crane parts held at customs", "probability", 3, "impact", 4));
        assertThat(risk.status()).as(risk.toString()).isEqualTo(201);

        String reports = path + "/status-reports";
        Response report = owner.api().post(reports, json("statusDate", "2026-03-04"));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        long id = report.body().get("id").asLong();
        Response edited = owner.api()
                .patch(
                        reports + "/" + id,
                        json(
                                "version",
                                0,
                                "summary",
                                "Acceptance moves to Friday.",
                                "areas",
                                Map.of("schedule", Map.of("rag", "RED", "comment", "Build takes two days more"))));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        return new Plan(owner, key, reports, edited.body());
    }

    @Test
    void thePdfHoldsTheReportAsTextInEmbeddedFonts() throws IOException {
        Plan plan = plan();
        long id = plan.report().get("id").asLong();
        Response head = plan.owner().api().get(plan.reports() + "/" + id + ".pdf");
        assertThat(head.status()).as(head.toString()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(head.header("Content-Disposition"))
                .contains("attachment")
                .contains(plan.key() + "-status-report-2026-03-04-" + id + ".pdf");

        byte[] bytes = plan.owner().api().download(plan.reports() + "/" + id + ".pdf");
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isBetween(1, 3);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Harbour crane " + plan.key());
            assertThat(text).contains("Status report 2026-03-04");
            // The RAG words: schedule as the manager set it, scope and risk as computed.
            assertThat(text).contains("RED").contains("Build takes two days more");
            assertThat(text).contains("GREEN");
            assertThat(text).contains("Acceptance moves to Friday.");
            // The milestone table: name, date, baseline, variance in working days.
            assertThat(text).contains("Acceptance").contains("2026-03-06").contains("2.0");
            assertThat(text).contains("Crane parts held at customs");
            assertThat(text).contains("Page 1 of");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(font -> font.contains("DejaVuSans"));
        }

        // The same through ?format=, and a format the server does not make is a 400 naming the field.
        Response byQuery = plan.owner().api().get(plan.reports() + "/" + id + "?format=pdf");
        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(byQuery.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(errorFields(plan.owner().api().get(plan.reports() + "/" + id + "?format=docx")))
                .containsExactly("format");
    }

    @Test
    void theWorkbookHasASheetPerSectionWithTheSnapshotsDatesAndNumbers() throws IOException {
        Plan plan = plan();
        long id = plan.report().get("id").asLong();
        Response head = plan.owner().api().get(plan.reports() + "/" + id + "?format=xlsx");
        assertThat(head.status()).as(head.toString()).isEqualTo(200);
        assertThat(head.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        byte[] bytes = plan.owner().api().download(plan.reports() + "/" + id + ".xlsx");
        JsonNode snapshot = plan.report().get("snapshot");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets)
                    .containsExactly(
                            "Summary",
                            "Milestones",
                            "Key risks",
                            "Open issues",
                            "Accomplishments",
                            "Next steps",
                            "Schedule variance",
                            "Gantt excerpt");

            Sheet summary = workbook.getSheet("Summary");
            assertThat(text(summary.getRow(0).getCell(1))).isEqualTo("Harbour crane " + plan.key());
            Row schedule = find(summary, "Schedule");
            assertThat(text(schedule.getCell(1))).isEqualTo("red");
            assertThat(text(schedule.getCell(4))).isEqualTo("Build takes two days more");
            Row slip = find(summary, "Slip (working days)");
            assertThat(slip.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(slip.getCell(1).getNumericCellValue())
                    .isEqualTo(snapshot.get("dashboard")
                            .get("finish")
                            .get("slipDays")
                            .asDouble());

            Sheet milestones = workbook.getSheet("Milestones");
            assertThat(text(milestones.getRow(0).getCell(1))).isEqualTo("Milestone");
            Row acceptance = find(milestones, "Acceptance", 1);
            assertThat(acceptance.getCell(2).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.parse("2026-03-06"));
            assertThat(acceptance.getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.parse("2026-03-04"));
            assertThat(acceptance.getCell(4).getNumericCellValue()).isEqualTo(2.0);

            Row risk = find(workbook.getSheet("Key risks"), "Crane parts held at customs");
            assertThat(risk.getCell(1).getNumericCellValue()).isEqualTo(12.0);

            Sheet variance = workbook.getSheet("Schedule variance");
            Row build = find(variance, "Build", 1);
            assertThat(build.getCell(8).getNumericCellValue()).isEqualTo(2.0);
            assertThat(variance.getLastRowNum())
                    .isEqualTo(snapshot.get("variance").get("rows").size());
        }
    }

    @Test
    void downloadsFollowWhoMayReadTheReport() {
        Plan plan = plan();
        long id = plan.report().get("id").asLong();
        TestUser sponsor = newUser("exportsponsor");
        addMember(plan.owner().api(), plan.key(), sponsor, "STAKEHOLDER");
        Response draft = sponsor.api().get(plan.reports() + "/" + id + ".pdf");
        assertThat(draft.status()).isEqualTo(403);
        assertThat(draft.header("Content-Type")).startsWith("application/problem+json");
        Response published = plan.owner().api().post(plan.reports() + "/" + id + "/publish", json("version", 1));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(sponsor.api().get(plan.reports() + "/" + id + ".pdf").status())
                .isEqualTo(200);
        assertThat(sponsor.api().get(plan.reports() + "/" + id + ".xlsx").status())
                .isEqualTo(200);
        assertThat(newUser("exportoutsider")
                        .api()
                        .get(plan.reports() + "/" + id + ".pdf")
                        .status())
                .isEqualTo(404);
    }

    private static String text(Cell cell) {
        return new DataFormatter().formatCellValue(cell);
    }

    private static Row find(Sheet sheet, String first) {
        return find(sheet, first, 0);
    }

    private static Row find(Sheet sheet, String value, int column) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null
                    && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + value + " in sheet " + sheet.getSheetName());
    }
}
