package org.gantry.server.schedule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Levelling",
        description = "Resource levelling for owners and managers: preview (Microsoft Project's levelling and the"
                + " optimising mode side by side), apply as levelling delays, clear, undo; a task's levelling"
                + " priority (0-1000, 1000 = do not level).")
@GantryApi
@RequestMapping("/api/v1/projects/{project}")
class LevellingApi {

    private final LevellingService levelling;

    LevellingApi(LevellingService levelling) {
        this.levelling = levelling;
    }

    @Operation(
            summary = "The project's levelling: schedule version (send it to apply or clear), finish, the tasks"
                    + " with a levelling delay, the levellings applied (newest first) and whether each can be undone")
    @GetMapping("/levelling")
    LevellingState state(CurrentUser user, @PathVariable String project) {
        return levelling.state(user, project);
    }

    @Operation(
            summary = "What levelling would do, stored nowhere: every task that moves and why, what it cannot"
                    + " resolve and why, the finish before and after, and both modes' finishes. mode STANDARD or"
                    + " OPTIMISING; order ID_ONLY, STANDARD or PRIORITY_THEN_STANDARD; adjustAssignments: delay only the"
                    + " over-allocated resource's assignment on a task; taskIds: only these")
    @GetMapping("/levelling/preview")
    LevellingPreview preview(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) Boolean withinSlack,
            @RequestParam(required = false) Boolean adjustAssignments,
            @RequestParam(required = false) List<Long> taskIds) {
        return levelling.preview(
                user, project, new LevellingRequest(mode, order, withinSlack, adjustAssignments, taskIds, null));
    }

    @Operation(
            summary = "Level the project (or taskIds): stores each task's levelling delay and reschedules;"
                    + " version is the schedule version the preview showed (409 with the current state when the"
                    + " plan changed since). Answers the run id to undo it")
    @PostMapping("/levelling")
    @ResponseStatus(HttpStatus.CREATED)
    LevellingApplied apply(CurrentUser user, @PathVariable String project, @RequestBody LevellingRequest request) {
        return levelling.apply(user, project, request);
    }

    @Operation(
            summary = "Clear levelling: removes the levelling delay of every task (or taskIds) and reschedules;"
                    + " version as for an apply. Answers the run id to undo it")
    @PostMapping("/levelling/clear")
    @ResponseStatus(HttpStatus.CREATED)
    LevellingApplied clear(CurrentUser user, @PathVariable String project, @RequestBody LevellingClear request) {
        return levelling.clear(user, project, request);
    }

    @Operation(
            summary = "Undo a levelling or a clear: puts back the delays the tasks had before it, while nothing in"
                    + " the plan changed since (409 otherwise)")
    @PostMapping("/levelling/{run}/undo")
    LevellingState undo(CurrentUser user, @PathVariable String project, @PathVariable long run) {
        return levelling.undo(user, project, run);
    }

    @Operation(summary = "A task's levelling priority (0-1000) and levelling delay")
    @GetMapping("/tasks/{id}/levelling")
    TaskLevelling task(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return levelling.task(user, project, id);
    }

    @Operation(summary = "Set a task's levelling priority (0-1000, 1000 = do not level); its priority level follows")
    @PatchMapping("/tasks/{id}/levelling")
    TaskLevelling changeTask(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody TaskLevellingChange change) {
        return levelling.changeTask(user, project, id, change);
    }
}
