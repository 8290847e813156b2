package org.gantry.server.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(
        name = "Risks",
        description = "The risk register (probability x impact, heat map) and Monte Carlo schedule risk analysis")
@GantryApi
class RiskApi {

    private final RiskService risks;
    private final RiskExposure exposure;
    private final ScheduleRiskService scheduleRisk;
    private final ScheduleRiskRuns runs;

    RiskApi(RiskService risks, RiskExposure exposure, ScheduleRiskService scheduleRisk, ScheduleRiskRuns runs) {
        this.risks = risks;
        this.exposure = exposure;
        this.scheduleRisk = scheduleRisk;
        this.runs = runs;
    }

    @Operation(
            summary = "The project's risks, highest score first",
            description = "Filters: status, kind, category, probability and impact (one heat-map cell; with basis"
                    + " RESIDUAL a cell of the residual heat map), q (title).")
    @GetMapping("/api/v1/projects/{project}/risks")
    List<Risk> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer probability,
            @RequestParam(required = false) Integer impact,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String basis) {
        return risks.list(user, project, status, kind, category, probability, impact, q, basis);
    }

    @Operation(summary = "One risk")
    @GetMapping("/api/v1/projects/{project}/risks/{id}")
    Risk get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return risks.get(user, project, id);
    }

    @Operation(
            summary = "The 5x5 heat map of the open risks: count and risk ids per probability and impact",
            description = "kind THREAT or OPPORTUNITY limits it to one kind; basis RESIDUAL places each risk by its"
                    + " residual rating (its inherent one while it has none), INHERENT (default) by its rating"
                    + " before the response.")
    @GetMapping("/api/v1/projects/{project}/risks/heat-map")
    HeatMap heatMap(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String basis) {
        return exposure.heatMap(user, project, kind, basis);
    }

    @Operation(
            summary = "The trend of the project's risk exposure, day by day",
            description = "from and to (dates in the project's time zone, at most 3,660 days apart) default to the"
                    + " 90 days up to today. Each day carries the figures as they stood at its end; days before"
                    + " the register's first change and after today are left out.")
    @GetMapping("/api/v1/projects/{project}/risks/exposure-trend")
    ExposureTrend exposureTrend(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return exposure.exposureTrend(user, project, from, to);
    }

    @Operation(summary = "Add a risk (owners, managers, members)")
    @PostMapping("/api/v1/projects/{project}/risks")
    @ResponseStatus(HttpStatus.CREATED)
    Risk create(CurrentUser user, @PathVariable String project, @RequestBody NewRisk body) {
        return risks.create(user, project, body);
    }

    @Operation(
            summary = "Change a risk (owners, managers, members); version required, 409 with the current risk"
                    + " when stale")
    @PatchMapping("/api/v1/projects/{project}/risks/{id}")
    Risk update(CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody RiskChanges body) {
        return risks.update(user, project, id, body);
    }

    @Operation(summary = "Remove a risk (owners, managers)")
    @DeleteMapping("/api/v1/projects/{project}/risks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        risks.delete(user, project, id);
    }

    @Operation(
            summary = "Monte Carlo schedule risk analysis of the plan (anyone who sees the project; writes nothing)",
            description = "P10/P50/P80/P90 finish dates on the project calendar, the chance of meeting a deadline,"
                    + " the finish histogram, each task's criticality index and the tornado of the tasks and risks"
                    + " that drive the finish. Tasks without an estimate get the default spread; the open risks'"
                    + " quantified delays occur with their chance.")
    @PostMapping("/api/v1/projects/{project}/schedule-risk")
    ScheduleRiskReport scheduleRisk(
            CurrentUser user, @PathVariable String project, @RequestBody(required = false) ScheduleRiskRequest body) {
        return scheduleRisk.run(user, project, body);
    }

    @Operation(
            summary = "Start a Monte Carlo run in the background (anyone who sees the project)",
            description = "The same request as POST .../schedule-risk, checked at once (400 naming the fields);"
                    + " answers 202 with the queued run and its Location. One run at a time per project: 409 with"
                    + " the queued or running one as current. Poll GET .../runs/{id} for state and progress.")
    @PostMapping("/api/v1/projects/{project}/schedule-risk/runs")
    ResponseEntity<ScheduleRiskRun> startRun(
            CurrentUser user, @PathVariable String project, @RequestBody(required = false) ScheduleRiskRequest body) {
        ScheduleRiskRun run = runs.start(user, project, body);
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}")
                        .buildAndExpand(run.id())
                        .toUri())
                .body(run);
    }

    @Operation(
            summary = "The project's stored Monte Carlo runs, newest first (without their reports)",
            description = "page from 0, size 1 to 100 (20).")
    @GetMapping("/api/v1/projects/{project}/schedule-risk/runs")
    PageOf<ScheduleRiskRun> listRuns(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return runs.list(user, project, page, size);
    }

    @Operation(summary = "One stored run: state, progress, and the report once it is done")
    @GetMapping("/api/v1/projects/{project}/schedule-risk/runs/{id}")
    ScheduleRiskRun getRun(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return runs.get(user, project, id);
    }

    @Operation(summary = "Delete a stored run, stopping it when queued or running (owners, managers, its starter)")
    @DeleteMapping("/api/v1/projects/{project}/schedule-risk/runs/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRun(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        runs.delete(user, project, id);
    }
}
