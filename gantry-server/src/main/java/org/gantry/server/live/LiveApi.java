package org.gantry.server.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(
        name = "Live updates",
        description = "Server-sent events that say a project changed (with its change number) and who has it"
                + " open; refetch the data through the other endpoints")
@GantryApi
@RequestMapping("/api/v1/projects/{project}")
class LiveApi {

    private final LiveUpdates live;
    private final ProjectService projects;

    LiveApi(LiveUpdates live, ProjectService projects) {
        this.live = live;
        this.projects = projects;
    }

    @Operation(
            summary = "A stream of the project's changes (text/event-stream)",
            description = "Events: hello {seq} on connecting; changed {seq} (also the event id) after each committed"
                    + " change, several changes may come as one; presence {viewers: [{userId, name, initials, you}]}."
                    + " A comment line every 15 s keeps the stream open. Reconnect with Last-Event-ID (or ?since=)"
                    + " set to the last seq seen: a changed event follows at once if anything changed meanwhile.")
    @GetMapping("/events")
    SseEmitter events(
            CurrentUser user,
            @PathVariable String project,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Long since,
            HttpServletResponse response) {
        ProjectAccess access = projects.access(user, project);
        Long seen = since;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                seen = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInput("Last-Event-ID", "must be a change number (a whole number), as sent in id:");
            }
        }
        if (seen != null && seen < 0) {
            throw new InvalidInput(lastEventId != null ? "Last-Event-ID" : "since", "must not be negative");
        }
        // Proxies such as nginx would otherwise buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-cache, no-store");
        return live.open(access, seen);
    }

    record LiveState(long seq, List<Viewer> viewers) {}

    @Operation(summary = "The project's change number and who has it open now, on any server")
    @GetMapping("/live")
    LiveState state(CurrentUser user, @PathVariable String project) {
        ProjectAccess access = projects.access(user, project);
        return new LiveState(live.sequenceOf(access.projectId()), live.viewers(access.projectId()));
    }

    @ExceptionHandler(LiveUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(LiveUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Live updates off");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
