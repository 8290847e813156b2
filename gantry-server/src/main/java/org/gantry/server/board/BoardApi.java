package org.gantry.server.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(
        name = "Board",
        description = "The kanban board: columns per status, cards per leaf task, WIP limits, status history")
@GantryApi
class BoardApi {

    private final BoardService boards;
    private final BoardColumnSettings columnSettings;
    private final BoardPreferenceService preferences;

    BoardApi(BoardService boards, BoardColumnSettings columnSettings, BoardPreferenceService preferences) {
        this.boards = boards;
        this.columnSettings = columnSettings;
        this.preferences = preferences;
    }

    @Operation(
            summary = "The board: a column per status in the statuses' order, with its leaf tasks as cards",
            description = "Cards carry WBS, name, assignees, priority, tags, story points, finish, late and blocked"
                    + " (blockedBy: the unfinished predecessors holding the task); columns their WIP limit.")
    @GetMapping("/api/v1/projects/{project}/board")
    Board board(CurrentUser user, @PathVariable String project) {
        return boards.board(user, project);
    }

    @Operation(
            summary = "The board as I chose to see it: my saved filters applied, split into my swimlanes",
            description = "Columns hold only the cards passing every saved filter (cardCount, wipLimit and overLimit"
                    + " still count the whole column); lanes split them by the saved swimlanes (empty for NONE);"
                    + " positions give each shown card's place in its whole column.")
    @GetMapping("/api/v1/projects/{project}/board/view")
    BoardView view(CurrentUser user, @PathVariable String project) {
        return boards.view(user, project);
    }

    @Operation(
            summary = "My saved board filters and swimlanes in this project (version 0: never saved)",
            description = "mine, assigneeId, tag, text, activeSprintOnly, swimlanes (NONE, ASSIGNEE, PRIORITY, EPIC,"
                    + " TAG). Each person has their own.")
    @GetMapping("/api/v1/projects/{project}/board/preferences")
    BoardPreferences preferences(CurrentUser user, @PathVariable String project) {
        return preferences.preferences(user, project);
    }

    @Operation(
            summary = "Save my board filters and swimlanes (any role, stakeholders too)",
            description = "All fields as read; blank tag or text: no such filter; assigneeId must be a member;"
                    + " version as last read (0 before the first save). 409 with the saved ones when stale.")
    @PutMapping("/api/v1/projects/{project}/board/preferences")
    BoardPreferences savePreferences(
            CurrentUser user, @PathVariable String project, @RequestBody BoardPreferences wanted) {
        return preferences.save(user, project, wanted);
    }

    @Operation(
            summary = "Move a card to another column and/or position (owners, managers, members)",
            description = "status (null: same column), position (1-based among the column's other cards; null:"
                    + " last), version of the task. 409 with the current card when stale or when a blocking WIP"
                    + " limit is reached. Into a DONE column the task becomes 100 % complete; out of one it gets"
                    + " back the % complete it had before.")
    @PostMapping("/api/v1/projects/{project}/tasks/{id}/move-card")
    Card move(CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody CardMove move) {
        return boards.move(user, project, id, move);
    }

    @Operation(
            summary = "Set a column's WIP limit (owners, managers)",
            description = "wipLimit (null: none), wipBlocking (refuse moves over the limit), version of the column's"
                    + " settings (0 before the first). Answers the column with its cards.")
    @PutMapping("/api/v1/projects/{project}/board/columns/{status}")
    BoardColumn setColumn(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable String status,
            @RequestBody ColumnSettings settings) {
        return columnSettings.setColumn(user, project, status, settings);
    }

    @Operation(
            summary = "Recorded status changes (who, when, from, to), oldest first",
            description = "task: one task's only. From the activity log: a task created by an import has no"
                    + " change before its first edit.")
    @GetMapping("/api/v1/projects/{project}/status-history")
    List<StatusChange> history(
            CurrentUser user, @PathVariable String project, @RequestParam(required = false) Long task) {
        return boards.history(user, project, task);
    }
}
