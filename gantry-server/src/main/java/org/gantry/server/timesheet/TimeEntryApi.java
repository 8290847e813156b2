package org.gantry.server.timesheet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Time entries", description = "Hours people spent on tasks")
@GantryApi
class TimeEntryApi {

    private final TimeEntryService entries;

    TimeEntryApi(TimeEntryService entries) {
        this.entries = entries;
    }

    @Operation(
            summary = "A page of the time entries you may see, by date",
            description = "Your own everywhere, and everyone's in projects you own or manage. Filters: person"
                    + " (user id), project (key or id), task (id), from and to (dates, inclusive); page from 0,"
                    + " size 1 to 500.")
    @GetMapping("/api/v1/time-entries")
    PageOf<TimeEntry> list(
            CurrentUser user,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String project,
            @RequestParam(required = false) Long task,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return entries.list(user, person, project, task, from, to, page, size);
    }

    @Operation(summary = "One time entry (your own, or anyone's in a project you own or manage)")
    @GetMapping("/api/v1/time-entries/{id}")
    TimeEntry get(CurrentUser user, @PathVariable long id) {
        return entries.get(user, id);
    }

    @Operation(
            summary = "Log time on a task",
            description = "hours as a number (1.5) or a text (\"1.5\", \"1:30\"); at most 24 h per entry. Owners"
                    + " and managers may log for another member with userId.")
    @PostMapping("/api/v1/time-entries")
    @ResponseStatus(HttpStatus.CREATED)
    TimeEntry create(CurrentUser user, @RequestBody NewTimeEntry body) {
        return entries.create(user, body);
    }

    @Operation(summary = "Change a time entry; version required, 409 with the current entry when stale")
    @PatchMapping("/api/v1/time-entries/{id}")
    TimeEntry update(CurrentUser user, @PathVariable long id, @RequestBody TimeEntryChanges changes) {
        return entries.update(user, id, changes);
    }

    @Operation(summary = "Delete a time entry (optionally only at the given version)")
    @DeleteMapping("/api/v1/time-entries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version) {
        entries.delete(user, id, version);
    }
}
