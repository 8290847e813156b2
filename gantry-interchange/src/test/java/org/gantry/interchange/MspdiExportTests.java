package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.LinkType;
import org.junit.jupiter.api.Test;
import org.mpxj.ProjectFile;
import org.mpxj.mspdi.MSPDIReader;

class MspdiExportTests {

    private static Plan readBack(byte[] mspdi) throws Exception {
        ProjectFile file = new MSPDIReader().read(new ByteArrayInputStream(mspdi));
        return PlanReader.fromProjectFile(file, null);
    }

    @Test
    void aPlanWrittenAsMspdiReadsBackFieldForField() throws Exception {
        Plan plan = Plans.relaunch();

        Plan back = readBack(MspdiExport.bytes(plan));

        assertThat(PlanComparison.compare(plan, back)).isEmpty();
    }

    @Test
    void theFileIsMicrosoftProjectXml() {
        String xml = new String(MspdiExport.bytes(Plans.relaunch()), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml").contains("http://schemas.microsoft.com/project");
        assertThat(xml).contains("<Name>Wireframes</Name>").contains("<Name>Alice Martin</Name>");
    }

    @Test
    void linksKeepTheirTypesAndLags() throws Exception {
        Plan back = readBack(MspdiExport.bytes(Plans.relaunch()));

        assertThat(back.links())
                .extracting(PlanLink::predecessorKey, PlanLink::successorKey, PlanLink::type)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("2", "3", LinkType.FINISH_START),
                        org.assertj.core.groups.Tuple.tuple("2", "4", LinkType.START_START),
                        org.assertj.core.groups.Tuple.tuple("3", "4", LinkType.FINISH_START));
        PlanLink twoDays = back.links().stream()
                .filter(l -> l.successorKey().equals("3"))
                .findFirst()
                .orElseThrow();
        assertThat(twoDays.lag()).isEqualTo(new PlanDuration(960, DurationUnit.DAYS));
        PlanLink half = back.links().stream()
                .filter(l -> l.predecessorKey().equals("3"))
                .findFirst()
                .orElseThrow();
        assertThat(half.lagPercent()).isEqualTo(50.0);
    }

    @Test
    void recurringCalendarExceptionsStayRecurring() throws Exception {
        Plan back = readBack(MspdiExport.bytes(Plans.relaunch()));

        PlanCalendarException teamDay = back.calendars().get(0).exceptions().stream()
                .filter(e -> "Team day".equals(e.name()))
                .findFirst()
                .orElseThrow();
        assertThat(teamDay.recurrence()).isNotNull();
        assertThat(teamDay.recurrence().occurrences()).isEqualTo(3);
    }

    @Test
    void keysThatAreNotNumbersGetFreshUniqueIds() throws Exception {
        Plan plan = new Plan(
                Plans.PROPERTIES,
                java.util.List.of(),
                java.util.List.of(
                        PlanTask.of("design", null, 1, "Design", Plans.days(2)),
                        PlanTask.of("build", null, 1, "Build", Plans.days(5))),
                java.util.List.of(PlanLink.finishStart("design", "build")),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of());

        Plan back = readBack(MspdiExport.bytes(plan));

        assertThat(back.tasks()).extracting(PlanTask::name).containsExactly("Design", "Build");
        assertThat(back.links()).hasSize(1);
        assertThat(back.links().get(0).predecessorKey())
                .isEqualTo(back.tasks().get(0).key());
    }

    @Test
    void aLevellingDelayIsWrittenInElapsedDaysAndReadBack() throws Exception {
        Plan plan = new Plan(
                Plans.PROPERTIES,
                java.util.List.of(),
                java.util.List.of(
                        PlanTask.of("1", null, 1, "Design", Plans.days(2)),
                        PlanTask.of("2", null, 1, "Build", Plans.days(5))
                                .withLevellingDelay(new PlanDuration(7 * 1440, DurationUnit.ELAPSED_DAYS))),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of());

        Plan back = readBack(MspdiExport.bytes(plan));

        assertThat(back.tasks().get(0).levellingDelay()).isNull();
        assertThat(back.tasks().get(1).levellingDelay())
                .isEqualTo(new PlanDuration(7 * 1440, DurationUnit.ELAPSED_DAYS));
        assertThat(back.unsupported()).extracting(UnsupportedField::field).doesNotContain("levelling delay");
    }
}
