package org.gantry.server.workload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(name = "Workload", description = "Hours and % of capacity per person and period, across all their projects")
@GantryApi
class WorkloadApi {

    private final WorkloadService workload;

    WorkloadApi(WorkloadService workload) {
        this.workload = workload;
    }

    @Operation(
            summary = "The workload of the people you may see",
            description = "Admins see everyone, others themselves and the people of the projects they own or"
                    + " manage; each person's numbers cover all their projects. scale DAY, WEEK (default) or MONTH;"
                    + " from (default today; weeks start on its Monday, months on the 1st); periods (14 days, 12"
                    + " weeks or 6 months by default; at most 92, 104, 36); project narrows the rows to that"
                    + " project's resources (owners, managers); tag to resources with that tag.")
    @GetMapping("/api/v1/workload")
    Workload workload(
            CurrentUser user,
            @RequestParam(required = false) String project,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) Integer periods,
            @RequestParam(required = false) String scale,
            @RequestParam(required = false) String tag) {
        return workload.workload(user, new WorkloadService.Query(project, from, periods, scale, tag));
    }

    @Operation(summary = "The workload of a project's resources (owners, managers), as /api/v1/workload?project=")
    @GetMapping("/api/v1/projects/{project}/workload")
    Workload ofProject(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) Integer periods,
            @RequestParam(required = false) String scale,
            @RequestParam(required = false) String tag) {
        return workload.workload(user, new WorkloadService.Query(project, from, periods, scale, tag));
    }

    /** A task and the people over-allocated while it runs. */
    record Overallocation(long taskId, List<String> resources) {}

    @Operation(
            summary = "The project's tasks on which someone is over-allocated (on any working day of the task,"
                    + " across all their projects), with who")
    @GetMapping("/api/v1/projects/{project}/overallocations")
    List<Overallocation> overallocations(CurrentUser user, @PathVariable String project) {
        Map<Long, List<String>> over = workload.overallocatedTasks(user, project);
        return over.entrySet().stream()
                .map(entry -> new Overallocation(entry.getKey(), entry.getValue()))
                .toList();
    }
}
