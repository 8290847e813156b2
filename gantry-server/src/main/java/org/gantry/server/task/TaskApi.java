package org.gantry.server.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.ConcurrentEdits;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Tasks", description = "The work breakdown: tasks, summary tasks and milestones, and their outline")
@GantryApi
@RequestMapping("/api/v1/projects/{project}/tasks")
class TaskApi {

    private final TaskService tasks;
    private final ConcurrentEdits edits;

    TaskApi(TaskService tasks, ConcurrentEdits edits) {
        this.tasks = tasks;
        this.edits = edits;
    }

    @Operation(
            summary = "A page of tasks in outline order",
            description =
                    "Filters: status (repeatable), assignee (user id), q (name contains), parent (task id or"
                            + " root), tag. sort: wbs, name, start, finish, priority, status, updated; prefix - for descending.")
    @GetMapping
    PageOf<Task> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) Long assignee,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String sort) {
        return tasks.list(user, project, new TaskQuery(page, size, status, assignee, q, parent, tag, sort));
    }

    @Operation(summary = "Create a task (last among its siblings unless position is given)")
    @PostMapping
    ResponseEntity<Task> create(CurrentUser user, @PathVariable String project, @RequestBody NewTask command) {
        // Creates sent at once (a script filling a plan) are committed together, with one reschedule.
        Task task = edits.apply(
                project,
                () -> tasks.write(user, project, command),
                created -> tasks.require(created.access(), created.id()));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/tasks/" + task.id()))
                .body(task);
    }

    @Operation(summary = "A task with its predecessor and successor links")
    @GetMapping("/{id}")
    TaskDetails get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return tasks.get(user, project, id);
    }

    @Operation(summary = "Change fields of a task; version required, 409 with the current task when stale")
    @PatchMapping("/{id}")
    Task update(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody TaskChanges changes) {
        return tasks.update(user, project, id, changes);
    }

    @Operation(summary = "Delete a task with its subtasks and links (owners, managers)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        tasks.delete(user, project, id, version);
    }

    @Operation(summary = "Make the task a subtask of the task above it")
    @PostMapping("/{id}/indent")
    Task indent(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody VersionOnly command) {
        return tasks.indent(user, project, id, command);
    }

    @Operation(summary = "Make the task a sibling of its summary task, right after it")
    @PostMapping("/{id}/outdent")
    Task outdent(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody VersionOnly command) {
        return tasks.outdent(user, project, id, command);
    }

    @Operation(summary = "Move under another parent (null: top level) at a 1-based position, or reorder")
    @PostMapping("/{id}/move")
    Task move(CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody Move move) {
        return tasks.move(user, project, id, move);
    }
}
