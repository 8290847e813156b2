package org.gantry.server.timesheet;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Time entries", description = "Hours people spent on tasks")
@GantryApi
class ActivityTypeApi {

    private final ActivityTypes types;

    ActivityTypeApi(ActivityTypes types) {
        this.types = types;
    }

    @Operation(summary = "The project's activity types (everyone who sees the project)")
    @GetMapping("/api/v1/projects/{project}/activity-types")
    List<ActivityType> list(CurrentUser user, @PathVariable String project) {
        return types.list(user, project);
    }

    @Operation(
            summary = "Define an activity type (owners, managers)",
            description = "{name, billable (default true: its entries' default)}; 409 for a name the project has")
    @PostMapping("/api/v1/projects/{project}/activity-types")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityType create(CurrentUser user, @PathVariable String project, @RequestBody ActivityTypeChange body) {
        return types.create(user, project, body);
    }

    @Operation(summary = "Rename an activity type or change its billable default (owners, managers); version required")
    @PatchMapping("/api/v1/projects/{project}/activity-types/{id}")
    ActivityType update(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody ActivityTypeChange body) {
        return types.update(user, project, id, body);
    }

    @Operation(summary = "Delete an activity type (owners, managers); its entries stay, without it")
    @DeleteMapping("/api/v1/projects/{project}/activity-types/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        types.delete(user, project, id, version);
    }
}
