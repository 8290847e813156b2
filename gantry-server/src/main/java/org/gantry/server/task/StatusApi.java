package org.gantry.server.task;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Statuses", description = "Task statuses: todo, in_progress, done, and project-defined ones")
@GantryApi
@RequestMapping("/api/v1/projects/{project}/statuses")
class StatusApi {

    private final StatusService statuses;

    StatusApi(StatusService statuses) {
        this.statuses = statuses;
    }

    @GetMapping
    List<TaskStatus> list(CurrentUser user, @PathVariable String project) {
        return statuses.list(user, project);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TaskStatus create(CurrentUser user, @PathVariable String project, @RequestBody NewStatus command) {
        return statuses.create(user, project, command);
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable String key) {
        statuses.delete(user, project, key);
    }
}
