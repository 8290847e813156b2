package org.gantry.server.schedule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Schedule",
        description = "The computed schedule: Gantt data, constraints and deadlines, status date, baselines."
                + " Every date-affecting edit reschedules the project; task and link answers carry moved tasks.")
@GantryApi
@RequestMapping("/api/v1/projects/{project}")
class ScheduleApi {

    private final ScheduleService schedule;

    ScheduleApi(ScheduleService schedule) {
        this.schedule = schedule;
    }

    @Operation(
            summary = "Everything the Gantt chart draws: project, tasks in outline order with schedule and"
                    + " baseline fields (baseline: slot 0..10), links")
    @GetMapping("/gantt")
    GanttData gantt(CurrentUser user, @PathVariable String project, @RequestParam(required = false) Integer baseline) {
        return schedule.gantt(user, project, baseline);
    }

    @Operation(summary = "A task's constraint, deadline, early and late dates, slack and critical flag")
    @GetMapping("/tasks/{id}/schedule")
    TaskSchedule taskSchedule(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return schedule.taskSchedule(user, project, id);
    }

    @Operation(summary = "Set a task's constraint (type and date) or deadline, or clear them; reschedules")
    @PatchMapping("/tasks/{id}/schedule")
    TaskSchedule changeSchedule(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody ScheduleChanges changes) {
        return schedule.changeSchedule(user, project, id, changes);
    }

    @Operation(summary = "Set (or with null clear) the project's status date; version is the project's")
    @PutMapping("/status-date")
    Rescheduled statusDate(CurrentUser user, @PathVariable String project, @RequestBody StatusDateChange change) {
        return schedule.changeStatusDate(user, project, change);
    }

    @Operation(summary = "Reschedule the project now and report what moved")
    @PostMapping("/reschedule")
    Rescheduled reschedule(CurrentUser user, @PathVariable String project) {
        return schedule.reschedule(user, project);
    }

    @Operation(summary = "The eleven baseline slots and how many tasks each holds")
    @GetMapping("/baselines")
    List<BaselineSlot> baselines(CurrentUser user, @PathVariable String project) {
        return schedule.baselines(user, project);
    }

    @Operation(summary = "Capture the current dates into a baseline slot (0..10): all tasks, or taskIds")
    @PostMapping("/baselines/{slot}")
    BaselineSlot setBaseline(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable int slot,
            @RequestBody(required = false) BaselineRequest request) {
        return schedule.setBaseline(user, project, slot, request);
    }

    @Operation(summary = "Clear a baseline slot (all tasks, or the given taskIds)")
    @DeleteMapping("/baselines/{slot}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearBaseline(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable int slot,
            @RequestParam(required = false) List<Long> taskIds) {
        schedule.clearBaseline(user, project, slot, taskIds);
    }

    @Operation(summary = "Start, finish and duration variance of every task against a baseline slot")
    @GetMapping("/baselines/{slot}/variance")
    List<BaselineVariance> variance(CurrentUser user, @PathVariable String project, @PathVariable int slot) {
        return schedule.variance(user, project, slot);
    }
}
