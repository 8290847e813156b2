package org.gantry.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@Tag(
        name = "Releases",
        description = "Releases the webhooks delivered, their deployments, and the milestones they deliver")
@GantryApi
class ReleaseApi {

    private final ReleaseService releases;

    ReleaseApi(ReleaseService releases) {
        this.releases = releases;
    }

    @Operation(summary = "The newest 200 releases with their milestone and deployments (everyone in the project)")
    @GetMapping("/api/v1/projects/{project}/releases")
    List<Release> list(CurrentUser user, @PathVariable String project) {
        return releases.list(user, project);
    }

    @Operation(
            summary = "Link a release to a milestone (owners, managers): {milestoneTaskId, version}; null unlinks",
            description = "The milestone's Gantt marker then lists the release's deployments. 400 when the task is"
                    + " not a milestone of the project, 409 with current when the version is stale.")
    @PutMapping("/api/v1/projects/{project}/releases/{id}/milestone")
    Release linkMilestone(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody ReleaseMilestone body) {
        return releases.linkMilestone(user, project, id, body);
    }
}
