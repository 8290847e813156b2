package org.gantry.server.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@GantryApi
@Tag(name = "Dashboard")
class DashboardApi {

    private final DashboardService dashboards;
    private final DashboardSettings settings;

    DashboardApi(DashboardService dashboards, DashboardSettings settings) {
        this.dashboards = dashboards;
        this.settings = settings;
    }

    @Operation(
            summary = "The project's dashboard: health, % complete, finish, critical path, milestones, tasks,"
                    + " workload, cost and risks (any role)",
            description = "Measured at the project's status date, else now. Durations in working days of the project"
                    + " calendar. cost.state is READY, NOT_SET_UP (no baseline or no cost in it) or HIDDEN (members"
                    + " and stakeholders do not see costs).")
    @GetMapping("/api/v1/projects/{project}/dashboard")
    Dashboard dashboard(CurrentUser user, @PathVariable String project) {
        return dashboards.dashboard(user, project);
    }

    @Operation(summary = "The project's health thresholds (defaults with version 0 until saved)")
    @GetMapping("/api/v1/projects/{project}/dashboard/thresholds")
    DashboardThresholds thresholds(CurrentUser user, @PathVariable String project) {
        return settings.thresholds(user, project);
    }

    @Operation(
            summary = "Set the project's health thresholds (owners, managers)",
            description = "Every field, with the version last read (0 before the first save). 400 naming each field"
                    + " out of range or a red threshold milder than its amber one; 409 with the saved ones when"
                    + " stale.")
    @PutMapping("/api/v1/projects/{project}/dashboard/thresholds")
    DashboardThresholds saveThresholds(
            CurrentUser user, @PathVariable String project, @RequestBody DashboardThresholds wanted) {
        return settings.saveThresholds(user, project, wanted);
    }

    @Operation(
            summary = "My dashboard tiles in this project: their order and the hidden ones (version 0: never saved)",
            description = "Tile ids: health, progress, milestones, finish, critical-path, tasks, workload, cost, risk.")
    @GetMapping("/api/v1/projects/{project}/dashboard/preferences")
    DashboardPreferences preferences(CurrentUser user, @PathVariable String project) {
        return settings.preferences(user, project);
    }

    @Operation(
            summary = "Save my dashboard tiles' order and hidden ones (any role, stakeholders too)",
            description = "order: tile ids, each at most once (missing ones follow in the default order); hidden:"
                    + " tile ids; version as last read. 409 with the saved ones when stale.")
    @PutMapping("/api/v1/projects/{project}/dashboard/preferences")
    DashboardPreferences savePreferences(
            CurrentUser user, @PathVariable String project, @RequestBody DashboardPreferences wanted) {
        return settings.savePreferences(user, project, wanted);
    }
}
