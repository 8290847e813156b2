package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.LinkType;
import org.junit.jupiter.api.Test;

class TableImportTests {
    private static final TableImport.Options OPTIONS = new TableImport.Options("Imported", Plans.MONDAY, "CSV");

    private static Spreadsheet csv(String text) throws ImportFailure {
        return Spreadsheet.readCsv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static TableImportResult importCsv(String text) throws ImportFailure {
        Spreadsheet sheet = csv(text);
        return TableImport.preview(sheet, ColumnMapping.detect(sheet.headers()), OPTIONS);
    }

    @Test
    void commonHeadersAreRecognised() {
        ColumnMapping mapping = ColumnMapping.detect(java.util.List.of(
                "Task Name",
                "Duration",
                "Start Date",
                "End",
                "Predecessors",
                "Outline Level",
                "Assigned to",
                "Colour"));

        assertThat(mapping.columns())
                .containsExactly(
                        TableColumn.NAME,
                        TableColumn.DURATION,
                        TableColumn.START,
                        TableColumn.FINISH,
                        TableColumn.PREDECESSORS,
                        TableColumn.OUTLINE_LEVEL,
                        TableColumn.RESOURCE_NAMES,
                        TableColumn.IGNORED);
    }

    @Test
    void outlineLevelsMakeSummariesAndChildren() throws Exception {
        TableImportResult result =
                importCsv("Name,Outline Level,Duration\nDesign,1,\nSketch,2,2d\nDraw,2,3d\nShip,1,0\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.plan().tasks())
                .extracting(PlanTask::name, PlanTask::parentKey, PlanTask::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Design", null, PlanTaskKind.SUMMARY),
                        org.assertj.core.groups.Tuple.tuple("Sketch", "1", PlanTaskKind.TASK),
                        org.assertj.core.groups.Tuple.tuple("Draw", "1", PlanTaskKind.TASK),
                        org.assertj.core.groups.Tuple.tuple("Ship", null, PlanTaskKind.MILESTONE));
    }

    @Test
    void wbsCodesGiveTheOutlineWhenThereIsNoLevel() throws Exception {
        TableImportResult result = importCsv("WBS;Name\n1;Build\n1.1;Frame\n1.1.1;Weld\n2;Paint\n");

        assertThat(result.plan().tasks()).extracting(PlanTask::outlineLevel).containsExactly(1, 2, 3, 1);
        assertThat(result.plan().tasks().get(2).parentKey()).isEqualTo("2");
    }

    @Test
    void predecessorsTakeTypesAndLagsInProjectsNotation() throws Exception {
        TableImportResult result = importCsv(
                "ID,Name,Duration,Predecessors\n10,A,2d,\n20,B,1w,10FS+2d\n30,C,4h,\"10SS-1d,20FF\"\n40,D,1d,30FS+50%\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.plan().links())
                .extracting(PlanLink::predecessorKey, PlanLink::successorKey, PlanLink::type, PlanLink::lag)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "1", "2", LinkType.FINISH_START, new PlanDuration(960, DurationUnit.DAYS)),
                        org.assertj.core.groups.Tuple.tuple(
                                "1", "3", LinkType.START_START, new PlanDuration(-480, DurationUnit.DAYS)),
                        org.assertj.core.groups.Tuple.tuple("2", "3", LinkType.FINISH_FINISH, PlanDuration.ZERO_DAYS),
                        org.assertj.core.groups.Tuple.tuple("3", "4", LinkType.FINISH_START, PlanDuration.ZERO_DAYS));
        assertThat(result.plan().links().get(3).lagPercent()).isEqualTo(50.0);
        assertThat(result.plan().tasks().get(1).duration()).isEqualTo(new PlanDuration(2400, DurationUnit.WEEKS));
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndColumn() throws Exception {
        TableImportResult result =
                importCsv("Task Name,Duration,Start,Predecessors\nA,3 dayz,2025-03-03,\n,1d,someday,7\nC,1d,,1\n");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.plan()).isNull();
        assertThat(result.errors())
                .extracting(RowError::describe)
                .containsExactly(
                        "Row 2, column 'Duration': '3 dayz' is not a duration (write e.g. 5d, 3h, 2w, 1mo)",
                        "Row 3, column 'Task Name': is empty; every task needs a name",
                        "Row 3, column 'Start': 'someday' is not a date (write e.g. 2025-03-17 or 2025-03-17 08:00)",
                        "Row 3, column 'Predecessors': '7' refers to task 7, which is not in the file");
    }

    @Test
    void anOutlineThatSkipsALevelIsAnError() throws Exception {
        TableImportResult result = importCsv("Name,Outline Level\nA,1\nB,3\n");

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.column()).isEqualTo("Outline Level");
        });
    }

    @Test
    void withoutANameColumnNothingIsImported() throws Exception {
        TableImportResult result = importCsv("Colour,Size\nred,2\n");

        assertThat(result.plan()).isNull();
        assertThat(result.errors().get(0).problem()).contains("Name");
    }

    @Test
    void theUserCanMapAColumnTheDetectionMissed() throws Exception {
        Spreadsheet sheet = csv("Was,Takes\nPlan,2d\nBuild,5d\n");
        ColumnMapping mapping =
                ColumnMapping.detect(sheet.headers()).with(0, TableColumn.NAME).with(1, TableColumn.DURATION);

        TableImportResult result = TableImport.preview(sheet, mapping, OPTIONS);

        assertThat(result.plan().tasks()).extracting(PlanTask::name).containsExactly("Plan", "Build");
        assertThat(result.plan().tasks().get(1).duration().minutes()).isEqualTo(2400);
    }

    @Test
    void aStartDateHoldsTheTaskAsProjectDoes() throws Exception {
        TableImportResult result = importCsv("Name,Start,Resource Names\nKick-off,2025-03-05,Ann[50%];Bob\n");

        PlanTask task = result.plan().tasks().get(0);
        assertThat(task.constraintType()).isEqualTo(ConstraintType.START_NO_EARLIER_THAN);
        assertThat(task.constraintDate()).isEqualTo(LocalDateTime.of(2025, 3, 5, 8, 0));
        assertThat(result.plan().resources()).extracting(PlanResource::name).containsExactly("Ann", "Bob");
        assertThat(result.plan().assignments())
                .extracting(PlanAssignment::units)
                .containsExactly(50.0, 100.0);
    }

    @Test
    void quotedValuesKeepSeparatorsQuotesAndLineBreaks() throws Exception {
        Spreadsheet sheet = csv("Name,Notes\r\n\"Review, then sign\",\"He said \"\"go\"\"\nnext line\"\r\n");

        assertThat(sheet.rows())
                .singleElement()
                .isEqualTo(java.util.List.of("Review, then sign", "He said \"go\"\nnext line"));
    }

    @Test
    void aFileCutShortInsideAQuoteIsDamaged() {
        assertThatThrownBy(() -> csv("Name,Notes\nA,\"never closed\n"))
                .isInstanceOf(ImportFailure.class)
                .satisfies(e -> assertThat(((ImportFailure) e).reason()).isEqualTo(ImportFailure.Reason.DAMAGED));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> csv("")).isInstanceOf(ImportFailure.class).hasMessageContaining("empty");
    }

    @Test
    void aTextFileIsNotAnExcelWorkbook() {
        assertThatThrownBy(() ->
                        Spreadsheet.readExcel(new ByteArrayInputStream("Name\nA\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ImportFailure.class)
                .satisfies(e ->
                        assertThat(((ImportFailure) e).reason()).isEqualTo(ImportFailure.Reason.UNRECOGNISED_FORMAT));
    }
}
