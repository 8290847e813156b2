package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReportTests {

    @Test
    void aTaskWhoseStoredDatesAreStaleIsListedWithBothDatesAndItsPredecessor() throws Exception {
        // Build then ship, stored as if both started on Monday: the file was saved before the link was drawn.
        PlanTask build = PlanTask.of("1", null, 1, "Build", Plans.days(2))
                .withWbs("1")
                .withDates(Plans.MONDAY, Plans.MONDAY.plusDays(1).withHour(17));
        PlanTask ship = PlanTask.of("2", null, 1, "Ship", Plans.days(1))
                .withWbs("2")
                .withDates(Plans.MONDAY, Plans.MONDAY.withHour(17));
        Plan plan = new Plan(
                Plans.PROPERTIES,
                List.of(PlanCalendar.standard("1", "Standard")),
                List.of(build, ship),
                List.of(PlanLink.finishStart("1", "2")),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        ImportedPlan imported =
                PlanReader.readWithReport(new ByteArrayInputStream(MspdiExport.bytes(plan)), "stale.xml");

        assertThat(imported.report().problem()).isNull();
        assertThat(imported.report().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.taskName()).isEqualTo("Ship");
            assertThat(difference.fileStart()).isEqualTo(Plans.MONDAY);
            assertThat(difference.gantryStart()).isEqualTo(Plans.MONDAY.plusDays(2));
            assertThat(difference.reason()).startsWith("it follows its predecessor 'Build' (FS");
        });
    }

    @Test
    void aConsistentFileHasNothingToReport() throws Exception {
        PlanTask only = PlanTask.of("1", null, 1, "Only", Plans.days(1))
                .withWbs("1")
                .withDates(Plans.MONDAY, Plans.MONDAY.withHour(17));
        Plan plan = new Plan(
                Plans.PROPERTIES,
                List.of(PlanCalendar.standard("1", "Standard")),
                List.of(only),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        ImportedPlan imported =
                PlanReader.readWithReport(new ByteArrayInputStream(MspdiExport.bytes(plan)), "fine.xml");

        assertThat(imported.report().differences()).isEmpty();
    }
}
