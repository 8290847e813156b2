package org.gantry.server.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Sprints", description = "Sprints, the ranked backlog, burndown and burnup, velocity and cumulative flow")
@GantryApi
class SprintApi {

    private final SprintService sprints;
    private final SprintCharts charts;
    private final FlowMeasures flow;

    SprintApi(SprintService sprints, SprintCharts charts, FlowMeasures flow) {
        this.sprints = sprints;
        this.charts = charts;
        this.flow = flow;
    }

    @Operation(summary = "The project's sprints: the active one, the planned ones, then the closed ones (latest first)")
    @GetMapping("/api/v1/projects/{project}/sprints")
    List<Sprint> list(CurrentUser user, @PathVariable String project) {
        return sprints.sprints(user, project);
    }

    @Operation(summary = "One sprint with its tasks in rank order")
    @GetMapping("/api/v1/projects/{project}/sprints/{id}")
    Sprint get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return sprints.sprint(user, project, id);
    }

    @Operation(
            summary = "Plan a sprint (owners, managers)",
            description =
                    "name; optional goal, startDate, endDate and milestoneId (the milestone or summary task it feeds).")
    @PostMapping("/api/v1/projects/{project}/sprints")
    @ResponseStatus(HttpStatus.CREATED)
    Sprint create(CurrentUser user, @PathVariable String project, @RequestBody NewSprint body) {
        return sprints.create(user, project, body);
    }

    @Operation(
            summary = "Change a sprint (owners, managers); version required, 409 with the current sprint when stale",
            description = "Only the fields given change; clear names goal, startDate, endDate or milestoneId to empty.")
    @PatchMapping("/api/v1/projects/{project}/sprints/{id}")
    Sprint update(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody SprintChanges body) {
        return sprints.update(user, project, id, body);
    }

    @Operation(summary = "Remove a planned sprint (owners, managers); its tasks go back to the backlog")
    @DeleteMapping("/api/v1/projects/{project}/sprints/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        sprints.delete(user, project, id);
    }

    @Operation(
            summary = "Start a planned sprint (owners, managers)",
            description = "What it holds now is its commitment. 409 when another sprint of the project is active or"
                    + " the version is stale; 400 without an end date.")
    @PostMapping("/api/v1/projects/{project}/sprints/{id}/start")
    Sprint start(CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody SprintStart body) {
        return sprints.start(user, project, id, body);
    }

    @Operation(
            summary = "Complete the active sprint (owners, managers)",
            description = "unfinishedTo: BACKLOG (top of the backlog) or SPRINT with nextSprintId (a planned sprint)."
                    + " Unfinished tasks stay recorded as NOT_DONE in the closed sprint.")
    @PostMapping("/api/v1/projects/{project}/sprints/{id}/complete")
    Sprint complete(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody SprintCompletion body) {
        return sprints.complete(user, project, id, body);
    }

    @Operation(summary = "The ranked backlog: unfinished leaf tasks in no open sprint, with the average velocity")
    @GetMapping("/api/v1/projects/{project}/backlog")
    Backlog backlog(CurrentUser user, @PathVariable String project) {
        return sprints.backlog(user, project);
    }

    @Operation(
            summary = "Put a task into a sprint or the backlog at a position (owners, managers, members)",
            description = "sprintId (null: the backlog), position (1-based; null: last), version of the task. Answers"
                    + " the sprint, or the backlog item. Taking a task out of the active sprint records it as"
                    + " removed there.")
    @PostMapping("/api/v1/projects/{project}/tasks/{id}/plan")
    Object plan(CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody PlanMove body) {
        return sprints.plan(user, project, id, body);
    }

    @Operation(
            summary = "Burndown and burnup of a started sprint, per day",
            description = "Recomputed from the status history: remaining points (all, and of the commitment), the"
                    + " ideal line, scope added after the start, completed points and total scope at the end of each"
                    + " day in the project's time zone. A planned sprint has no days yet.")
    @GetMapping("/api/v1/projects/{project}/sprints/{id}/burndown")
    Burndown burndown(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return charts.burndown(user, project, id);
    }

    @Operation(summary = "Committed against completed points of the last closed sprints (last: how many, default 6)")
    @GetMapping("/api/v1/projects/{project}/velocity")
    Velocity velocity(CurrentUser user, @PathVariable String project, @RequestParam(required = false) Integer last) {
        return charts.velocity(user, project, last);
    }

    @Operation(
            summary = "Milestones with the forecast their sprints give them",
            description = "Every milestone, and every task a sprint is linked to (milestoneId), in outline order:"
                    + " the planned finish, the forecast (the end date of the latest open linked sprint, or the day"
                    + " the last one was completed), slipDays (positive: late) and the linked sprints.")
    @GetMapping("/api/v1/projects/{project}/milestones")
    List<MilestoneForecast> milestones(CurrentUser user, @PathVariable String project) {
        return charts.milestones(user, project);
    }

    @Operation(
            summary = "Cycle time of the tasks finished in a range of days, from the status history",
            description = "from, to: dates in the project's time zone (default: the 90 days up to today; at most"
                    + " 366). Per finished leaf task: from first entering an IN_PROGRESS-category status to its"
                    + " last entry into a DONE-category status, in days; with the 50th, 85th and 95th"
                    + " percentiles (nearest rank).")
    @GetMapping("/api/v1/projects/{project}/cycle-time")
    CycleTime cycleTime(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return flow.cycleTime(user, project, from, to);
    }

    @Operation(
            summary = "Leaf tasks per status at the end of each day, from the status history",
            description = "from, to: dates in the project's time zone (default: the 30 days up to today; at most 366).")
    @GetMapping("/api/v1/projects/{project}/cumulative-flow")
    CumulativeFlow cumulativeFlow(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return flow.cumulativeFlow(user, project, from, to);
    }
}
