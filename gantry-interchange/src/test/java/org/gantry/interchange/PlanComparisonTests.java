package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanComparisonTests {
    /** The plan with every task and resource key replaced, as a store that numbers rows itself exports it. */
    private static Plan renumbered(Plan plan, String renamedTask) {
        Map<String, String> tasks = new HashMap<>();
        Map<String, String> resources = new HashMap<>();
        plan.tasks().forEach(t -> tasks.put(t.key(), "90" + t.key()));
        plan.resources().forEach(r -> resources.put(r.key(), "70" + r.key()));
        List<PlanTask> taskList = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            taskList.add(new PlanTask(
                    tasks.get(t.key()),
                    t.parentKey() == null ? null : tasks.get(t.parentKey()),
                    t.outlineLevel(),
                    t.wbs(),
                    t.name().equals(renamedTask) ? t.name() + " (renamed)" : t.name(),
                    t.notes(),
                    t.kind(),
                    t.manuallyScheduled(),
                    t.active(),
                    t.taskType(),
                    t.effortDriven(),
                    t.duration(),
                    t.workMinutes(),
                    t.start(),
                    t.finish(),
                    t.constraintType(),
                    t.constraintDate(),
                    t.deadline(),
                    t.percentComplete(),
                    t.actualStart(),
                    t.actualFinish(),
                    t.priority(),
                    t.calendarKey(),
                    null));
        }
        return new Plan(
                plan.properties(),
                plan.calendars(),
                taskList,
                plan.links().stream()
                        .map(l -> new PlanLink(
                                tasks.get(l.predecessorKey()),
                                tasks.get(l.successorKey()),
                                l.type(),
                                l.lag(),
                                l.lagPercent()))
                        .toList(),
                plan.resources().stream()
                        .map(r -> new PlanResource(
                                resources.get(r.key()),
                                r.name(),
                                r.initials(),
                                r.email(),
                                r.group(),
                                r.kind(),
                                r.materialLabel(),
                                r.maxUnits(),
                                r.standardRate(),
                                r.overtimeRate(),
                                r.costPerUse(),
                                r.calendarKey(),
                                r.notes()))
                        .toList(),
                plan.assignments().stream()
                        .map(a -> new PlanAssignment(
                                "50" + a.key(),
                                tasks.get(a.taskKey()),
                                resources.get(a.resourceKey()),
                                a.units(),
                                a.workMinutes(),
                                a.actualWorkMinutes(),
                                a.remainingWorkMinutes(),
                                a.start(),
                                a.finish(),
                                a.contour()))
                        .toList(),
                plan.baselines().stream()
                        .map(b -> new PlanBaseline(
                                b.slot(),
                                tasks.get(b.taskKey()),
                                b.start(),
                                b.finish(),
                                b.duration(),
                                b.workMinutes(),
                                b.cost()))
                        .toList(),
                plan.unsupported());
    }

    @Test
    void aPlanWhoseRowsWereRenumberedMatchesByOrder() {
        Plan plan = Plans.relaunch();

        assertThat(PlanComparison.compare(plan, renumbered(plan, null))).isNotEmpty();
        assertThat(PlanComparison.compareByOrder(plan, renumbered(plan, null)))
                .extracting(PlanComparison.Difference::describe)
                .isEmpty();
    }

    @Test
    void matchingByOrderStillFindsAChangedField() {
        Plan plan = Plans.relaunch();
        String name = plan.tasks().get(1).name();

        assertThat(PlanComparison.compareByOrder(plan, renumbered(plan, name)))
                .singleElement()
                .satisfies(difference -> {
                    assertThat(difference.field()).isEqualTo("name");
                    assertThat(difference.kindAndField()).isEqualTo("task name");
                });
    }
}
