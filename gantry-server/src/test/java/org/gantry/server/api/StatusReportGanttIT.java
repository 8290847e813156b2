package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Gantt excerpt of a status report on {@link ReportPlan}'s plan: the top two levels of the work breakdown
 * and every critical task (Code, on level 3, is critical; Docs beside it is not), with the baseline's bars,
 * frozen in the snapshot (a later change to the plan leaves the published report's chart as it was), drawn in
 * the PDF as vector shapes with the task names as text (no picture anywhere), and listed in the workbook.
 */
class StatusReportGanttIT extends ApiIntegrationTest {

    private static JsonNode createReport(ReportPlan plan, String date) {
        Response created = plan.api().post(plan.path() + "/status-reports", json("statusDate", date));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private static JsonNode ganttRow(JsonNode gantt, String wbs) {
        return gantt.get("rows")
                .valueStream()
                .filter(r -> r.get("wbs").asString().equals(wbs))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + wbs + " in " + gantt));
    }

    @Test
    void theExcerptHoldsTheTopLevelsAndEveryCriticalTaskFrozenWhenTheReportIsMade() {
        ReportPlan plan = ReportPlan.scripted(this, "gantt");
        JsonNode report = createReport(plan, "2026-03-06");
        JsonNode gantt = report.get("snapshot").get("gantt");
        assertThat(gantt.get("levels").asInt()).isEqualTo(2);
        assertThat(gantt.get("baselineSlot").asInt()).isZero();
        assertThat(gantt.get("from").asString()).isEqualTo("2026-03-02T00:00:00");
        assertThat(gantt.get("to").asString()).isEqualTo("2026-03-11T00:00:00");
        assertThat(gantt.get("statusDate").asString()).isEqualTo("2026-03-06T23:59:00");
        assertThat(gantt.get("omitted").asInt()).isZero();
        assertThat(gantt.get("rows").valueStream().map(r -> r.get("wbs").asString()))
                .containsExactly("1", "1.1", "1.2", "1.2.1", "2", "3");
        JsonNode code = ganttRow(gantt, "1.2.1");
        assertThat(code.get("name").asString()).isEqualTo("Code");
        assertThat(code.get("level").asInt()).isEqualTo(3);
        assertThat(code.get("critical").asBoolean()).isTrue();
        assertThat(code.get("summary").asBoolean()).isFalse();
        assertThat(code.get("start").asString()).isEqualTo("2026-03-06T08:00:00");
        assertThat(code.get("finish").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(code.get("baselineStart").asString()).isEqualTo("2026-03-04T08:00:00");
        assertThat(code.get("baselineFinish").asString()).isEqualTo("2026-03-06T17:00:00");
        JsonNode launch = ganttRow(gantt, "2");
        assertThat(launch.get("milestone").asBoolean()).isTrue();
        assertThat(launch.get("critical").asBoolean()).isTrue();
        assertThat(launch.get("finish").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(ganttRow(gantt, "1.1").get("percentComplete").asInt()).isEqualTo(50);
        assertThat(ganttRow(gantt, "1.2").get("summary").asBoolean()).isTrue();
        assertThat(ganttRow(gantt, "3").get("baselineFinish").isNull()).isTrue();

        long id = report.get("id").asLong();
        Response published = plan.api().post(plan.path() + "/status-reports/" + id + "/publish", json("version", 0));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        String codePath = plan.path() + "/tasks/" + plan.code();
        int version = plan.api().get(codePath).body().get("version").asInt();
        Response longer = plan.api().patch(codePath, json("duration", "5d", "version", version));
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);

        JsonNode again = plan.api().get(plan.path() + "/status-reports/" + id).body();
        assertThat(again.get("snapshot").get("gantt")).isEqualTo(gantt);
        JsonNode later = createReport(plan, "2026-03-06").get("snapshot").get("gantt");
        assertThat(ganttRow(later, "1.2.1").get("finish").asString()).isEqualTo("2026-03-12T17:00:00");
        assertThat(later.get("to").asString()).isEqualTo("2026-03-13T00:00:00");
    }

    @Test
    void thePdfDrawsTheExcerptAsVectorShapesWithTheTaskNamesAsText() throws IOException {
        ReportPlan plan = ReportPlan.scripted(this, "vector");
        long id = createReport(plan, "2026-03-06").get("id").asLong();
        byte[] bytes = plan.api().download(plan.path() + "/status-reports/" + id + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isEqualTo(2);
            int first = 0;
            for (int p = 1; p <= pages && first == 0; p++) {
                if (text(pdf, p, p).contains("Gantt excerpt: top levels and critical tasks")) {
                    first = p;
                }
            }
            assertThat(first).as("the page the excerpt starts on").isPositive();
            // The excerpt is the last section: its labels and time axis are text on its pages.
            String excerpt = text(pdf, first, pages);
            excerpt = excerpt.substring(excerpt.indexOf("Gantt excerpt: top levels"));
            assertThat(excerpt)
                    .contains("1 Phase A")
                    .contains("1.1 Design")
                    .contains("1.2 Build")
                    .contains("1.2.1 Code")
                    .contains("2 Launch")
                    .contains("3 Extra")
                    .doesNotContain("1.2.2 Docs")
                    .contains("Mar 2")
                    .contains("Mar 10");

            int fills = 0;
            int pathParts = 0;
            boolean red = false;
            for (int p = first; p <= pages; p++) {
                PDPage page = pdf.getPage(p - 1);
                List<Object> tokens = new PDFStreamParser(page).parse();
                for (int i = 0; i < tokens.size(); i++) {
                    if (!(tokens.get(i) instanceof Operator operator)) {
                        continue;
                    }
                    switch (operator.getName()) {
                        case "f", "f*", "F", "B", "B*" -> fills++;
                        case "re", "m", "l", "c", "h" -> pathParts++;
                        case "rg" -> red |= i >= 3 && colour(tokens, i, 198, 40, 40);
                        default -> {}
                    }
                }
            }
            // Six bars or diamonds, their baselines, the grid and the axis: filled vector paths, the
            // critical ones in red (#c62828).
            assertThat(fills).as("filled shapes").isGreaterThanOrEqualTo(6 + 5 + 10);
            assertThat(pathParts).as("path operators").isGreaterThanOrEqualTo(fills);
            assertThat(red).as("a critical bar filled red").isTrue();
            // No picture anywhere: the chart is not a screenshot.
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().getXObject(name)).isNotInstanceOf(PDImageXObject.class);
                }
            }
        }
    }

    @Test
    void theWorkbookListsTheExcerptsRows() throws IOException {
        ReportPlan plan = ReportPlan.scripted(this, "sheet");
        long id = createReport(plan, "2026-03-06").get("id").asLong();
        byte[] bytes = plan.api().download(plan.path() + "/status-reports/" + id + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("Gantt excerpt");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Critical");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= 6; r++) {
                names.add(sheet.getRow(r).getCell(0).getStringCellValue() + " "
                        + sheet.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(names)
                    .containsExactly("1 Phase A", "1.1 Design", "1.2 Build", "1.2.1 Code", "2 Launch", "3 Extra");
            Row code = sheet.getRow(4);
            assertThat(code.getCell(2).getNumericCellValue()).isEqualTo(3.0);
            assertThat(code.getCell(3).getStringCellValue()).isEqualTo("task");
            assertThat(code.getCell(4).getStringCellValue()).isEqualTo("yes");
            assertThat(code.getCell(5).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 6));
            assertThat(code.getCell(6).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(code.getCell(7).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 4));
            assertThat(code.getCell(8).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 6));
            assertThat(sheet.getRow(5).getCell(3).getStringCellValue()).isEqualTo("milestone");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("summary");
            assertThat(sheet.getRow(6).getCell(8)).isNull();
        }
    }

    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf);
    }

    /** Whether the rg operator at {@code at} sets this colour (0-255 components, within rounding). */
    private static boolean colour(List<Object> tokens, int at, int red, int green, int blue) {
        int[] wanted = {red, green, blue};
        for (int k = 0; k < 3; k++) {
            if (!(tokens.get(at - 3 + k) instanceof COSNumber number)
                    || Math.abs(number.floatValue() * 255 - wanted[k]) > 1.5) {
                return false;
            }
        }
        return true;
    }
}
