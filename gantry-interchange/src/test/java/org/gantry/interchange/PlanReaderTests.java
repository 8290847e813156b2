package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlanReaderTests {

    private static ImportFailure.Reason reasonFor(byte[] bytes, String name) {
        try {
            PlanReader.read(new ByteArrayInputStream(bytes), name);
        } catch (ImportFailure e) {
            return e.reason();
        }
        throw new AssertionError("the file was imported");
    }

    @Test
    void anMspdiFileReadsIntoAPlan() throws Exception {
        Plan plan = PlanReader.read(new ByteArrayInputStream(MspdiExport.bytes(Plans.relaunch())), "relaunch.xml");

        assertThat(plan.properties().name()).isEqualTo("Website relaunch");
        assertThat(plan.tasks()).hasSize(4);
        assertThat(plan.properties().sourceFormat()).contains("MSPDI");
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        assertThat(reasonFor(new byte[0], "plan.mpp")).isEqualTo(ImportFailure.Reason.EMPTY);
    }

    @Test
    void aFileInAnotherFormatIsRefusedAsUnrecognised() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThat(reasonFor(png, "picture.mpp")).isEqualTo(ImportFailure.Reason.UNRECOGNISED_FORMAT);
    }

    @Test
    void aTruncatedFileIsRefusedAndSaysWhy() {
        byte[] whole = MspdiExport.bytes(Plans.relaunch());
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> PlanReader.read(new ByteArrayInputStream(half), "cut.xml"))
                .isInstanceOf(ImportFailure.class)
                .hasMessageStartingWith("The file");
    }

    @Test
    void aProjectWithoutTasksOrResourcesIsRefused() {
        Plan nothing = new Plan(
                Plans.PROPERTIES,
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of());
        byte[] xml = MspdiExport.bytes(nothing);

        assertThat(reasonFor(xml, "nothing.xml")).isEqualTo(ImportFailure.Reason.NO_PROJECT);
    }

    @Test
    void customFieldsAreListedNotDropped() throws Exception {
        org.mpxj.ProjectFile file = ProjectFileExport.toProjectFile(Plans.relaunch());
        file.getTasks().get(1).setText(1, "Stage 2");
        file.getCustomFields().getOrCreate(org.mpxj.TaskField.TEXT1).setAlias("Stage");

        Plan plan = PlanReader.fromProjectFile(file, null);

        assertThat(plan.unsupported())
                .extracting(UnsupportedField::describe)
                .contains("Text1 (Stage) on 1 task, e.g. 'Stage 2'");
    }

    @Test
    void fixedCostsAreReadWithTheirAccrualAndASummarysIsListed() throws Exception {
        org.mpxj.ProjectFile file = ProjectFileExport.toProjectFile(Plans.relaunch());
        java.util.List<org.mpxj.Task> tasks =
                file.getTasks().stream().filter(ProjectFileImport::included).toList();
        org.mpxj.Task summary =
                tasks.stream().filter(org.mpxj.Task::getSummary).findFirst().orElseThrow();
        java.util.List<org.mpxj.Task> leaves =
                tasks.stream().filter(task -> !task.getSummary()).toList();
        leaves.get(0).setFixedCost(1250.5);
        leaves.get(0).setFixedCostAccrual(org.mpxj.AccrueType.END);
        leaves.get(1).setFixedCost(300);
        leaves.get(1).setFixedCostAccrual(org.mpxj.AccrueType.START);
        summary.setFixedCost(99);

        Plan plan = PlanReader.fromProjectFile(file, null);

        assertThat(plan.fixedCosts())
                .filteredOn(cost -> !cost.taskKey().equals(PlanReader.key(summary)))
                .containsExactlyInAnyOrder(
                        new PlanFixedCost(
                                PlanReader.key(leaves.get(0)),
                                new java.math.BigDecimal("1250.50"),
                                org.gantry.engine.cost.CostAccrual.END),
                        new PlanFixedCost(
                                PlanReader.key(leaves.get(1)),
                                new java.math.BigDecimal("300.00"),
                                org.gantry.engine.cost.CostAccrual.START));
        // A summary task's own fixed cost comes in as well.
        assertThat(plan.fixedCosts())
                .filteredOn(cost -> cost.taskKey().equals(PlanReader.key(summary)))
                .extracting(PlanFixedCost::amount)
                .containsExactly(new java.math.BigDecimal("99.00"));
        assertThat(plan.unsupported())
                .extracting(UnsupportedField::field)
                .doesNotContain("fixed cost on a summary task (left out)");
    }
}
