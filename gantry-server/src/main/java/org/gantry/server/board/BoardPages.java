package org.gantry.server.board;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board page: columns of cards, dragged with SortableJS (static/js/board.js) or moved with the
 * keyboard. A move answers with the re-rendered board; as on the calendar, a refused move answers a
 * script's request (HX-Request) with 200 and the failure in the notice's {@code data-status} (Chromium
 * logs every 4xx as a console error), and a plain request with the status itself. Each list renders its
 * first cards only ({@link ShownCards}, {@code ?show=} asks for more); a move sends the same parameters.
 */
@Controller
class BoardPages {

    private final ProjectService projects;
    private final BoardService boards;
    private final BoardColumnSettings columnSettings;
    private final BoardPreferenceService preferences;

    BoardPages(
            ProjectService projects,
            BoardService boards,
            BoardColumnSettings columnSettings,
            BoardPreferenceService preferences) {
        this.columnSettings = columnSettings;
        this.projects = projects;
        this.boards = boards;
        this.preferences = preferences;
    }

    @GetMapping("/projects/{key}/board")
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) List<String> show,
            Model model) {
        Project project = projects.get(user, key);
        model.addAttribute("tab", "board");
        board(user, project, null, ShownCards.from(project.key(), show, null), model);
        return "board/board";
    }

    @PostMapping("/projects/{key}/board/tasks/{id}/move")
    String move(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer position,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) List<String> show,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Project project = projects.get(user, key);
        BoardNotice notice = null;
        try {
            boards.move(user, project.key(), id, new CardMove(status, position, version));
        } catch (StaleVersion e) {
            notice = new BoardNotice(
                    id, "stale", "Someone else changed this card; here is the board as it is now. Move it again.", 409);
        } catch (InvalidInput e) {
            notice = new BoardNotice(
                    id,
                    "error",
                    "The card cannot move there: "
                            + e.errors().stream()
                                    .map(problem -> problem.field() + " " + problem.message())
                                    .collect(Collectors.joining("; "))
                            + ".",
                    400);
        } catch (Forbidden e) {
            notice = new BoardNotice(id, "error", e.getMessage(), 403);
        } catch (NotFound e) {
            notice = new BoardNotice(id, "error", "This task no longer exists; someone deleted it.", 404);
        } catch (Conflict e) {
            notice = new BoardNotice(id, "error", e.getMessage(), 409);
        }
        if (notice != null && !"true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(notice.status());
        }
        // The moved card keeps the focus, so it is rendered even when it landed below a list's first cards.
        board(user, project, notice, ShownCards.from(project.key(), show, id), model);
        return "board/board :: board";
    }

    /** Saves the person's filters and swimlanes ({@code clear}: every filter off, the swimlanes kept). */
    @PostMapping("/projects/{key}/board/preferences")
    String savePreferences(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) Boolean activeSprintOnly,
            @RequestParam(required = false) String swimlanes,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Boolean clear,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        try {
            Long assignee = assigneeId == null || assigneeId.isBlank() ? null : Long.valueOf(assigneeId.strip());
            Swimlanes lanes = swimlanes == null || swimlanes.isBlank()
                    ? Swimlanes.NONE
                    : Swimlanes.valueOf(swimlanes.strip().toUpperCase(java.util.Locale.ROOT));
            BoardPreferences wanted = Boolean.TRUE.equals(clear)
                    ? new BoardPreferences(false, null, null, null, false, lanes, version)
                    : new BoardPreferences(mine, assignee, tag, text, activeSprintOnly, lanes, version);
            preferences.save(user, project.key(), wanted);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("filterError", "Choose a person and swimlanes from the lists.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "filterError",
                    "The filters were not saved: "
                            + e.errors().stream()
                                    .map(problem -> problem.field() + " " + problem.message())
                                    .collect(Collectors.joining("; "))
                            + ".");
        } catch (StaleVersion e) {
            redirect.addFlashAttribute(
                    "filterError",
                    "Your filters were changed in another window meanwhile; here they are now. Choose again.");
        }
        return "redirect:/projects/" + project.key() + "/board";
    }

    @PostMapping("/projects/{key}/board/columns/{status}")
    String setLimit(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable String status,
            @RequestParam(required = false) String wipLimit,
            @RequestParam(required = false) String cellWipLimit,
            @RequestParam(required = false) Boolean wipBlocking,
            @RequestParam(required = false) List<String> statuses,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        try {
            Integer limit = wipLimit == null || wipLimit.isBlank() ? null : Integer.valueOf(wipLimit.strip());
            Integer cellLimit =
                    cellWipLimit == null || cellWipLimit.isBlank() ? null : Integer.valueOf(cellWipLimit.strip());
            BoardColumn column = columnSettings.setColumn(
                    user,
                    project.key(),
                    status,
                    new ColumnSettings(null, limit, wipBlocking, version, cellLimit, statuses));
            String holds = column.statuses().size() < 2
                    ? ""
                    : " It shows "
                            + column.statuses().stream()
                                    .map(BoardColumn.ColumnStatus::name)
                                    .collect(Collectors.joining(", "))
                            + "; a card dropped into it becomes " + column.name() + ".";
            String cells = column.cellWipLimit() == null
                    ? ""
                    : " Each swimlane cell may hold " + column.cellWipLimit() + " cards.";
            redirect.addFlashAttribute(
                    "notice",
                    (column.wipLimit() == null
                                    ? column.name() + " has no WIP limit now."
                                    : column.name() + " may hold " + column.wipLimit() + " cards.")
                            + cells
                            + (column.wipBlocking() && (column.wipLimit() != null || column.cellWipLimit() != null)
                                    ? " Moves over a limit are refused."
                                    : "")
                            + holds);
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("limitError", "The WIP limit must be a whole number from 1, or empty for none.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "limitError",
                    e.errors().stream()
                            .map(problem -> problem.field() + " " + problem.message())
                            .collect(Collectors.joining("; ")));
        } catch (StaleVersion e) {
            redirect.addFlashAttribute(
                    "limitError", "Someone else changed this column's limit meanwhile; here it is now. Set it again.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("limitError", e.getMessage());
        }
        return "redirect:/projects/" + project.key() + "/board";
    }

    private void board(CurrentUser user, Project project, BoardNotice notice, ShownCards shown, Model model) {
        ProjectAccess access = projects.access(user, project.key());
        model.addAttribute("project", project);
        model.addAttribute("me", user);
        BoardView view = boards.view(user, project.key());
        model.addAttribute("board", view);
        // Cards in a column holding several statuses say which one is theirs.
        Map<String, String> sharedStatuses = new HashMap<>();
        view.columns().stream()
                .filter(column -> column.statuses().size() > 1)
                .flatMap(column -> column.statuses().stream())
                .forEach(held -> sharedStatuses.put(held.status(), held.name()));
        model.addAttribute("sharedStatuses", sharedStatuses);
        model.addAttribute("members", projects.members(user, project.key()));
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("canManage", access.can(Permission.MANAGE_TASKS) && !project.archived());
        model.addAttribute("boardNotice", notice);
        model.addAttribute("shown", shown);
    }
}
