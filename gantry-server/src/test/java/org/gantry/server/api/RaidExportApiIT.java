package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The RAID log export read back as a spreadsheet program would: the CSV parsed by RFC 4180 and the workbook
 * opened with Apache POI, both holding the same entries, risks with their score, and no runnable formula.
 */
class RaidExportApiIT extends ApiIntegrationTest {

    record Project(TestUser owner, String key, long task) {
        String path() {
            return "/api/v1/projects/" + key;
        }
    }

    private Project project() {
        TestUser owner = newUser("raid-export");
        String key = newKey();
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "RAID export " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long task = createTask(owner.api(), key, json("name", "Install", "duration", "3d"))
                .get("id")
                .asLong();
        return new Project(owner, key, task);
    }

    @Test
    void theCsvAndTheWorkbookHoldTheSameEntriesAndTheRisksWithTheirScore() throws IOException {
        Project project = project();
        ApiClient api = project.owner().api();
        JsonNode risk = created(api.post(
                project.path() + "/risks",
                json(
                        "title",
                        "Supplier late",
                        "probability",
                        4,
                        "impact",
                        3,
                        "cause",
                        "One supplier, \"busy\"",
                        "ownerId",
                        project.owner().id())));
        JsonNode assumption = created(api.post(
                project.path() + "/raid",
                json(
                        "type", "ASSUMPTION",
                        "title", "Lab free, in March",
                        "description", "Two lines\nof text",
                        "ownerId", project.owner().id(),
                        "raisedOn", "2026-03-01",
                        "dueOn", "2026-03-10",
                        "taskIds", List.of(project.task()))));
        JsonNode decision = created(api.post(
                project.path() + "/raid",
                json(
                        "type", "DECISION",
                        "title", "Use vendor B",
                        "status", "DECIDED",
                        "decidedById", project.owner().id(),
                        "decidedOn", "2026-03-04",
                        "rationale", "Cheaper and sooner",
                        "linkedEntryIds", List.of(assumption.get("id").asLong()))));

        List<List<String>> csv = csv(project.owner().api().download(project.path() + "/raid/export?format=csv"));
        assertThat(csv.get(0)).startsWith("Type", "ID", "Title", "Description", "Owner", "Status", "Raised", "Due");
        assertThat(csv).hasSize(4);
        Map<String, List<String>> byId = new TreeMap<>();
        for (List<String> row : csv.subList(1, csv.size())) {
            byId.put(row.get(0) + row.get(1), row);
        }
        List<String> riskRow = byId.get("RISK" + risk.get("id").asLong());
        assertThat(value(csv, riskRow, "Score")).isEqualTo("12");
        assertThat(value(csv, riskRow, "Level")).isEqualTo("HIGH");
        assertThat(value(csv, riskRow, "Description")).isEqualTo("Cause: One supplier, \"busy\"");
        List<String> assumptionRow =
                byId.get("ASSUMPTION" + assumption.get("id").asLong());
        assertThat(value(csv, assumptionRow, "Title")).isEqualTo("Lab free, in March");
        assertThat(value(csv, assumptionRow, "Description")).isEqualTo("Two lines\nof text");
        assertThat(value(csv, assumptionRow, "Due")).isEqualTo("2026-03-10");
        assertThat(value(csv, assumptionRow, "Tasks")).isEqualTo("1 Install");
        assertThat(value(csv, assumptionRow, "Linked entries"))
                .isEqualTo(String.valueOf(decision.get("id").asLong()));
        List<String> decisionRow = byId.get("DECISION" + decision.get("id").asLong());
        assertThat(value(csv, decisionRow, "Decided by"))
                .isEqualTo(decision.get("decidedByName").asString());
        assertThat(value(csv, decisionRow, "Decided on")).isEqualTo("2026-03-04");
        assertThat(value(csv, decisionRow, "Rationale")).isEqualTo("Cheaper and sooner");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                project.owner().api().download(project.path() + "/raid/export?format=xlsx")))) {
            assertThat(List.of(
                            workbook.getSheetName(0),
                            workbook.getSheetName(1),
                            workbook.getSheetName(2),
                            workbook.getSheetName(3),
                            workbook.getSheetName(4)))
                    .containsExactly("Risks", "Assumptions", "Issues", "Dependencies", "Decisions");
            assertThat(workbook.getSheet("Issues").getLastRowNum()).isZero();
            Map<String, String> sheetOf = Map.of("RISK", "Risks", "ASSUMPTION", "Assumptions", "DECISION", "Decisions");
            for (List<String> row : csv.subList(1, csv.size())) {
                Sheet sheet = workbook.getSheet(sheetOf.get(row.get(0)));
                assertThat(sheet.getLastRowNum()).isEqualTo(1);
                assertThat(cells(sheet.getRow(0), csv.get(0).size())).isEqualTo(csv.get(0));
                assertThat(cells(sheet.getRow(1), csv.get(0).size()))
                        .as(row.get(0))
                        .isEqualTo(row);
            }
            Cell due = workbook.getSheet("Assumptions")
                    .getRow(1)
                    .getCell(csv.get(0).indexOf("Due"));
            assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 10));
            Cell score = workbook.getSheet("Risks").getRow(1).getCell(csv.get(0).indexOf("Score"));
            assertThat(score.getNumericCellValue()).isEqualTo(12.0);
        }
    }

    @Test
    void theFiltersOfTheListApplyToTheExport() {
        Project project = project();
        ApiClient api = project.owner().api();
        created(api.post(project.path() + "/risks", json("title", "Supplier late", "probability", 2, "impact", 2)));
        created(api.post(project.path() + "/raid", json("type", "ISSUE", "title", "Build server down")));
        created(api.post(project.path() + "/raid", json("type", "ASSUMPTION", "title", "Server room cooled")));

        List<List<String>> issues = csv(api.download(project.path() + "/raid/export?format=csv&type=issue"));
        assertThat(issues).hasSize(2);
        assertThat(issues.get(1).get(2)).isEqualTo("Build server down");
        List<List<String>> risks = csv(api.download(project.path() + "/raid/export?type=RISK"));
        assertThat(risks).hasSize(2);
        assertThat(risks.get(1).get(0)).isEqualTo("RISK");
        List<List<String>> server = csv(api.download(project.path() + "/raid/export?format=csv&text=SERVER"));
        assertThat(server)
                .extracting(row -> row.get(2))
                .containsExactly("Title", "Server room cooled", "Build server down");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsExportedAsText() throws IOException {
        Project project = project();
        ApiClient api = project.owner().api();
        created(api.post(
                project.path() + "/raid",
                json("type", "ISSUE", "title", "=HYPERLINK(\"http://evil.example\",\"x\")", "description", "+1+2")));
        created(api.post(project.path() + "/raid", json("type", "ISSUE", "title", "@SUM(A1:A2)", "description", "-3")));

        List<List<String>> csv = csv(api.download(project.path() + "/raid/export?format=csv"));
        assertThat(csv.subList(1, csv.size()))
                .extracting(row -> row.get(2) + " | " + row.get(3))
                .containsExactlyInAnyOrder("'@SUM(A1:A2) | '-3", "'=HYPERLINK(\"http://evil.example\",\"x\") | '+1+2");

        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(api.download(project.path() + "/raid/export?format=xlsx")))) {
            Sheet issues = workbook.getSheet("Issues");
            for (int i = 1; i <= 2; i++) {
                assertThat(issues.getRow(i).getCell(2).getCellType()).isEqualTo(CellType.STRING);
                assertThat(issues.getRow(i).getCell(3).getCellType()).isEqualTo(CellType.STRING);
            }
        }
    }

    @Test
    void anUnknownFormatIsAProblemNamingFormat() {
        Project project = project();
        Response response = project.owner().api().get(project.path() + "/raid/export?format=pdf");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse(""))
                .contains("application/problem+json");
        assertThat(response.body().toString()).contains("format");
        Response badType = project.owner().api().get(project.path() + "/raid/export?format=csv&type=RUMOUR");
        assertThat(badType.status()).as(badType.toString()).isEqualTo(400);
        assertThat(badType.body().toString()).contains("type");
    }

    private static String value(List<List<String>> csv, List<String> row, String header) {
        return row.get(csv.get(0).indexOf(header));
    }

    private static List<String> cells(Row row, int width) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            Cell cell = row.getCell(i);
            if (cell == null) {
                values.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                values.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
            } else if (cell.getCellType() == CellType.NUMERIC) {
                values.add(String.valueOf((long) cell.getNumericCellValue()));
            } else {
                String text = cell.getStringCellValue();
                // The workbook keeps text as typed; the CSV marks formula triggers with a leading quote.
                values.add(!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text);
            }
        }
        return values;
    }

    /** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
    static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length()).as("the last record ends in CRLF").isZero();
        assertThat(row).isEmpty();
        return rows;
    }
}
