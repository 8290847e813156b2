package org.gantry.server.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

@Tag(
        name = "Project in the portfolio",
        description = "A project's programme, proposed state, cost estimate and strategic goal scores")
@GantryApi
@RequestMapping("/api/v1/projects/{project}")
class PlacementApi {

    private final PlacementService placements;

    PlacementApi(PlacementService placements) {
        this.placements = placements;
    }

    @Operation(summary = "The project's programme, proposed state, estimate, goal scores and alignment")
    @GetMapping("/portfolio")
    Placement placement(CurrentUser user, @PathVariable String project) {
        return placements.placement(user, project);
    }

    @Operation(
            summary = "Place the project: programme, proposed, estimated cost (owners, admins, portfolio managers)",
            description = "Replaces the whole placement (null programmeId: no programme; null estimatedCost: no"
                    + " estimate). version is the placement's version as read, 0 before the first save; 409 with"
                    + " the current placement when stale.")
    @PutMapping("/portfolio")
    Placement place(CurrentUser user, @PathVariable String project, @RequestBody PlacementChanges changes) {
        return placements.place(user, project, changes);
    }

    @Operation(
            summary = "Score the project's contribution to a strategic goal, 0 to 5 (owners, managers, admins,"
                    + " portfolio managers)",
            description = "version is the score's version as read (0 while unscored); 409 with the current"
                    + " placement when stale.")
    @PutMapping("/goal-scores/{goalId}")
    Placement score(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long goalId,
            @RequestBody ScoreChange change) {
        return placements.score(user, project, goalId, change);
    }
}
