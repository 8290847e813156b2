package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableExportTests {

    @Test
    void csvHasAHeaderAndARowPerTaskInProjectsNotation() {
        String csv = new String(CsvExport.bytes(Plans.relaunch()), StandardCharsets.UTF_8);

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("\uFEFFID,Unique ID,Outline Level,WBS,Name,Type,Duration,Start,Finish");
        assertThat(lines.get(2))
                .contains("Wireframes")
                .contains("3d")
                .contains("2025-03-03 08:00")
                .endsWith("\"Mobile first.\nThen desktop.\"");
        assertThat(lines.get(3)).contains(",2FS+2d,").contains("Alice Martin[50%]");
        assertThat(lines.get(4)).contains("\"2SS,3FS+50%\"").contains("Milestone");
    }

    @Test
    void notesWithLineBreaksAndFormulasAreQuoted() {
        assertThat(CsvExport.quote("Mobile first.\nThen desktop.")).isEqualTo("\"Mobile first.\nThen desktop.\"");
        assertThat(CsvExport.quote("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(CsvExport.quote("plain")).isEqualTo("plain");
        assertThat(CsvExport.quote("-2+3+cmd|' /C calc'!A0")).isEqualTo("\"'-2+3+cmd|' /C calc'!A0\"");
        assertThat(CsvExport.quote("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(CsvExport.quote("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(CsvExport.quote("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvExport.quote("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    }

    @Test
    void excelKeepsDatesAsDatesAndListsResources() throws Exception {
        byte[] xlsx = ExcelExport.bytes(Plans.relaunch());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet tasks = workbook.getSheet("Tasks");
            assertThat(tasks.getLastRowNum()).isEqualTo(4);
            assertThat(tasks.getRow(2).getCell(4).getStringCellValue()).isEqualTo("Wireframes");
            assertThat(tasks.getRow(2).getCell(7).getLocalDateTimeCellValue()).isEqualTo(Plans.MONDAY);
            assertThat(workbook.getSheet("Resources").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Alice Martin");
        }
    }

    @Test
    void csvExportImportsBackWithTheSameOutlineLinksAndAssignments() throws Exception {
        assertExportImportsBack(Spreadsheet.readCsv(new ByteArrayInputStream(CsvExport.bytes(Plans.relaunch()))));
    }

    @Test
    void excelExportImportsBackWithTheSameOutlineLinksAndAssignments() throws Exception {
        assertExportImportsBack(Spreadsheet.readExcel(new ByteArrayInputStream(ExcelExport.bytes(Plans.relaunch()))));
    }

    private static void assertExportImportsBack(Spreadsheet sheet) {
        TableImportResult result = TableImport.preview(
                sheet, ColumnMapping.detect(sheet.headers()), new TableImport.Options("Relaunch", Plans.MONDAY, "CSV"));

        assertThat(result.errors()).isEmpty();
        Plan original = Plans.relaunch();
        Plan plan = result.plan();
        assertThat(plan.tasks()).extracting(PlanTask::key).containsExactly("1", "2", "3", "4");
        assertThat(plan.tasks()).extracting(PlanTask::parentKey).containsExactly(null, "1", "1", null);
        assertThat(plan.tasks())
                .extracting(PlanTask::kind)
                .containsExactlyElementsOf(
                        original.tasks().stream().map(PlanTask::kind).toList());
        assertThat(plan.tasks().get(1).duration())
                .isEqualTo(original.tasks().get(1).duration());
        assertThat(plan.tasks().get(1).notes()).isEqualTo("Mobile first.\nThen desktop.");
        assertThat(plan.links()).containsExactlyInAnyOrderElementsOf(original.links());
        assertThat(plan.assignments())
                .extracting(PlanAssignment::taskKey, PlanAssignment::units)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2", 100.0),
                        org.assertj.core.groups.Tuple.tuple("3", 50.0));
    }
}
