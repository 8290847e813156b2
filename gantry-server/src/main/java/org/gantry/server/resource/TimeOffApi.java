package org.gantry.server.resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Time off", description = "Calendars per person: vacations, holidays and part-time weeks")
@GantryApi
class TimeOffApi {

    private final TimeOffService timeOff;

    TimeOffApi(TimeOffService timeOff) {
        this.timeOff = timeOff;
    }

    @Operation(summary = "Your own time off, soonest first")
    @GetMapping("/api/v1/me/time-off")
    List<TimeOff> mine(CurrentUser user) {
        return timeOff.mine(user);
    }

    @Operation(
            summary = "Enter time off for yourself",
            description = "firstDay, lastDay (default firstDay), weekdays (ISO 1-7, only those days: a part-time"
                    + " week), kind VACATION (default; PART_TIME with weekdays), HOLIDAY, SICK or OTHER, note. Holds"
                    + " in all your projects, which are rescheduled.")
    @PostMapping("/api/v1/me/time-off")
    @ResponseStatus(HttpStatus.CREATED)
    TimeOff addMine(CurrentUser user, @RequestBody NewTimeOff body) {
        return timeOff.addMine(user, body);
    }

    @Operation(summary = "Delete one of your time off entries; version checked when given")
    @DeleteMapping("/api/v1/me/time-off/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMine(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version) {
        timeOff.deleteMine(user, id, version);
    }

    @Operation(summary = "The time off of the project's people and resources (owners, managers)")
    @GetMapping("/api/v1/projects/{project}/time-off")
    List<TimeOff> ofProject(
            CurrentUser user, @PathVariable String project, @RequestParam(required = false) LocalDate from) {
        return timeOff.ofProject(user, project, from);
    }

    @Operation(summary = "A resource's own time off in the project")
    @GetMapping("/api/v1/projects/{project}/resources/{id}/time-off")
    List<TimeOff> ofResource(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return timeOff.ofResource(user, project, id);
    }

    @Operation(summary = "Enter time off for a resource of the project (owners, managers); the plan is rescheduled")
    @PostMapping("/api/v1/projects/{project}/resources/{id}/time-off")
    @ResponseStatus(HttpStatus.CREATED)
    TimeOff addForResource(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody NewTimeOff body) {
        return timeOff.addForResource(user, project, id, body);
    }

    @Operation(summary = "Delete a resource's time off entry (owners, managers); version checked when given")
    @DeleteMapping("/api/v1/projects/{project}/resources/{id}/time-off/{timeOffId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteForResource(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @PathVariable long timeOffId,
            @RequestParam(required = false) Integer version) {
        timeOff.deleteForResource(user, project, id, timeOffId, version);
    }
}
