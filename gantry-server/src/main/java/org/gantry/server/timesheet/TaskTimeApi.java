package org.gantry.server.timesheet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Tag(name = "Time entries", description = "Hours people spent on tasks")
@GantryApi
class TaskTimeApi {

    private final TaskTime time;

    TaskTimeApi(TaskTime time) {
        this.time = time;
    }

    @Operation(
            summary = "A task's work, actual work (the hours that count) and remaining work, per resource too",
            description = "Hours, no money: everyone who sees the project. Which hours count (approved or all)"
                    + " and whether % complete follows them are the project's time settings.")
    @GetMapping("/api/v1/projects/{project}/tasks/{taskId}/actuals")
    TaskActuals actuals(CurrentUser user, @PathVariable String project, @PathVariable long taskId) {
        return time.of(user, project, taskId);
    }
}
