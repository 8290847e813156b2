package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpxj.CostRateTable;
import org.mpxj.CostRateTableEntry;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.Rate;
import org.mpxj.Resource;
import org.mpxj.ResourceAssignment;
import org.mpxj.ResourceType;
import org.mpxj.Task;
import org.mpxj.TimeUnit;

class CostCheckTests {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 8, 0);
    private static final LocalDateTime FRIDAY_EVENING = LocalDateTime.of(2026, 3, 6, 17, 0);

    @Test
    void workIsPaidAtTheRateInForceOnTheDayItIsDone() {
        // 10 an hour, 20 from Wednesday morning; 40 h flat Monday to Friday: 16 h before the raise, 24 after.
        ProjectFile file = project();
        Resource ann = resource(file, "Ann", ResourceType.WORK);
        CostRateTable table = new CostRateTable();
        table.add(new CostRateTableEntry(
                LocalDateTime.of(1984, 1, 1, 0, 0),
                MONDAY.plusDays(2),
                5,
                new Rate(10, TimeUnit.HOURS),
                new Rate(15, TimeUnit.HOURS)));
        table.add(new CostRateTableEntry(
                MONDAY.plusDays(2),
                LocalDateTime.of(2049, 12, 31, 23, 59),
                50,
                new Rate(160, TimeUnit.DAYS),
                new Rate(30, TimeUnit.HOURS)));
        ann.setCostRateTable(0, table);
        Task task = task(file, "Build", new BigDecimal("50"));
        assign(task, ann, 40, 100);

        Map<String, BigDecimal> costs = CostCheck.costs(file);

        // 16 x 10 + 24 x 20 (160 a day of 8 h) + per use 5 of the line in force at the start + fixed 50
        assertThat(costs.get(String.valueOf(task.getUniqueID()))).isEqualByComparingTo("695");
    }

    @Test
    void aMaterialCostsItsQuantityAndAWorkResourcesPerUseCostFollowsItsUnits() {
        ProjectFile file = project();
        Resource sand = resource(file, "Sand", ResourceType.MATERIAL);
        sand.setCostRateTable(0, single(12, 7));
        Resource bob = resource(file, "Bob", ResourceType.WORK);
        bob.setCostRateTable(0, single(20, 10));
        Task task = task(file, "Pour", null);
        assign(task, sand, 15, 1500);
        assign(task, bob, 20, 50);

        // 15 x 12 + 7 once; 20 h x 20 + 10 x 0.5
        assertThat(CostCheck.costs(file).get(String.valueOf(task.getUniqueID())))
                .isEqualByComparingTo("592");
    }

    private static ProjectFile project() {
        ProjectFile file = new ProjectFile();
        ProjectCalendar calendar = file.addDefaultBaseCalendar();
        file.getProjectProperties().setDefaultCalendar(calendar);
        file.getProjectProperties().setStartDate(MONDAY);
        return file;
    }

    private static Resource resource(ProjectFile file, String name, ResourceType type) {
        Resource resource = file.addResource();
        resource.setName(name);
        resource.setType(type);
        return resource;
    }

    private static CostRateTable single(double standard, double perUse) {
        CostRateTable table = new CostRateTable();
        table.add(new CostRateTableEntry(
                LocalDateTime.of(1984, 1, 1, 0, 0),
                LocalDateTime.of(2049, 12, 31, 23, 59),
                perUse,
                new Rate(standard, TimeUnit.HOURS),
                new Rate(0, TimeUnit.HOURS)));
        return table;
    }

    private static Task task(ProjectFile file, String name, BigDecimal fixedCost) {
        Task task = file.addTask();
        task.setName(name);
        task.setStart(MONDAY);
        task.setFinish(FRIDAY_EVENING);
        task.setDuration(Duration.getInstance(5, TimeUnit.DAYS));
        if (fixedCost != null) {
            task.setFixedCost(fixedCost);
        }
        return task;
    }

    private static void assign(Task task, Resource resource, double hours, double units) {
        ResourceAssignment assignment = task.addResourceAssignment(resource);
        assignment.setWork(Duration.getInstance(hours, TimeUnit.HOURS));
        assignment.setUnits(units);
        assignment.setStart(MONDAY);
        assignment.setFinish(FRIDAY_EVENING);
    }
}
