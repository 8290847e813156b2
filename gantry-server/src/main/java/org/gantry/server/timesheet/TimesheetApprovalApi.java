package org.gantry.server.timesheet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Timesheet approval", description = "Submitting a week of time, approving or rejecting it; locked periods")
@GantryApi
class TimesheetApprovalApi {

    /** What a week to submit names: any day of it. */
    record WeekToSubmit(LocalDate week) {}

    private final TimesheetApprovals approvals;

    TimesheetApprovalApi(TimesheetApprovals approvals) {
        this.approvals = approvals;
    }

    @Operation(
            summary = "Submit your week in the project for approval",
            description = "week: any day of the week. Your open entries of that week are locked until an owner or"
                    + " manager decides; 409 when there is nothing open to submit.")
    @PostMapping("/api/v1/projects/{project}/timesheet-submissions")
    @ResponseStatus(HttpStatus.CREATED)
    TimesheetSubmission submit(CurrentUser user, @PathVariable String project, @RequestBody WeekToSubmit body) {
        return approvals.submit(user, project, body == null ? null : body.week());
    }

    @Operation(
            summary = "Submitted weeks: your own, or everyone's for owners and managers",
            description = "Awaiting a decision first. Filters: state (SUBMITTED, APPROVED, REJECTED), person.")
    @GetMapping("/api/v1/projects/{project}/timesheet-submissions")
    List<TimesheetSubmission> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Long person) {
        return approvals.list(user, project, state, person);
    }

    @Operation(summary = "One submitted week with its entries")
    @GetMapping("/api/v1/projects/{project}/timesheet-submissions/{id}")
    TimesheetSubmission get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return approvals.get(user, project, id);
    }

    @Operation(
            summary = "Approve a submitted week (owners, managers)",
            description = "{version}; the entries stay locked and count as actual work. 409 when already decided"
                    + " or stale.")
    @PostMapping("/api/v1/projects/{project}/timesheet-submissions/{id}/approve")
    TimesheetSubmission approve(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) TimesheetDecision body) {
        return approvals.approve(user, project, id, body);
    }

    @Operation(
            summary = "Reject a submitted week with a reason (owners, managers)",
            description = "{version, reason}; the entries open again for the person to correct and submit.")
    @PostMapping("/api/v1/projects/{project}/timesheet-submissions/{id}/reject")
    TimesheetSubmission reject(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) TimesheetDecision body) {
        return approvals.reject(user, project, id, body);
    }

    @Operation(summary = "The project's time settings: locked period, which hours are actuals, progress from hours")
    @GetMapping("/api/v1/projects/{project}/time-settings")
    TimeSettings settings(CurrentUser user, @PathVariable String project) {
        return approvals.settings(user, project);
    }

    @Operation(
            summary = "Change the project's time settings (owners, system admins)",
            description = "{lockedBefore (null unlocks), actuals: APPROVED or ALL, progressFromHours, version}")
    @PutMapping("/api/v1/projects/{project}/time-settings")
    TimeSettings changeSettings(CurrentUser user, @PathVariable String project, @RequestBody TimeSettings body) {
        return approvals.changeSettings(user, project, body);
    }
}
