package org.gantry.server.resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Resources",
        description = "People, equipment, materials and costs of a project, and their assignments to tasks")
@GantryApi
class ResourceApi {

    private final ResourceService resources;
    private final AssignmentService assignments;

    ResourceApi(ResourceService resources, AssignmentService assignments) {
        this.resources = resources;
        this.assignments = assignments;
    }

    @Operation(
            summary = "A page of the project's resources in the plan's order",
            description = "q filters by name (contains, any case); page from 0, size 1 to 500. Each resource"
                    + " carries its rates, calendar, number of assignments and total assigned work in minutes.")
    @GetMapping("/api/v1/projects/{project}/resources")
    PageOf<Resource> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return resources.list(user, project, q, page, size);
    }

    @Operation(summary = "A resource with its assignments (task, units, work, dates)")
    @GetMapping("/api/v1/projects/{project}/resources/{id}")
    ResourceDetails get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return resources.get(user, project, id);
    }

    @Operation(
            summary = "Change a resource's name, maximum units or rates (owners, managers); version required,"
                    + " 409 with the current resource when stale")
    @PatchMapping("/api/v1/projects/{project}/resources/{id}")
    Resource update(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody ResourceChanges changes) {
        return resources.update(user, project, id, changes);
    }

    @Operation(
            summary = "Add a resource (owners, managers)",
            description = "kind WORK (default), MATERIAL or COST; userId makes a work resource a project member, whose"
                    + " time entries then cost at its rates; rates per hour.")
    @PostMapping("/api/v1/projects/{project}/resources")
    @ResponseStatus(HttpStatus.CREATED)
    Resource create(CurrentUser user, @PathVariable String project, @RequestBody NewResource body) {
        return resources.create(user, project, body);
    }

    @Operation(
            summary = "Delete a resource (owners, managers)",
            description = "409 while it is assigned to tasks, unless withAssignments=true (its assignments go too and"
                    + " the tasks are rescheduled); version checked when given (409 with the current resource).")
    @DeleteMapping("/api/v1/projects/{project}/resources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean withAssignments) {
        resources.delete(user, project, id, version, withAssignments);
    }

    @Operation(
            summary = "Put a resource on a task with units (%) and planned work in hours (owners, managers)",
            description = "Without workHours a work resource gets the task's duration at its units. The task's"
                    + " duration follows work / units unless the task is FIXED_DURATION; the project is rescheduled.")
    @PostMapping("/api/v1/projects/{project}/tasks/{id}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    Assignment assign(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody NewAssignment body) {
        return assignments.assign(user, project, id, body);
    }

    @Operation(
            summary = "Change an assignment's units and/or work (owners, managers); version required",
            description = "FIXED_UNITS and FIXED_WORK tasks: the duration follows (work / units). FIXED_DURATION"
                    + " tasks keep their duration: new units change the work, new work changes the units.")
    @PatchMapping("/api/v1/projects/{project}/tasks/{id}/assignments/{assignmentId}")
    Assignment updateAssignment(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @PathVariable long assignmentId,
            @RequestBody AssignmentChanges body) {
        return assignments.update(user, project, id, assignmentId, body);
    }

    @Operation(
            summary = "Hand an assignment's work to another resource of the project (owners, managers)",
            description = "{resourceId, version}: same units and work; 409 when stale or when that resource is on"
                    + " the task already; the project is rescheduled.")
    @PostMapping("/api/v1/projects/{project}/tasks/{id}/assignments/{assignmentId}/move")
    Assignment moveAssignment(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @PathVariable long assignmentId,
            @RequestBody AssignmentMove body) {
        return assignments.move(user, project, id, assignmentId, body);
    }

    @Operation(summary = "Take a resource off a task (owners, managers); version checked when given")
    @DeleteMapping("/api/v1/projects/{project}/tasks/{id}/assignments/{assignmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAssignment(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @PathVariable long assignmentId,
            @RequestParam(required = false) Integer version) {
        assignments.delete(user, project, id, assignmentId, version);
    }

    @Operation(summary = "A task's type, whether it is effort driven, and its version (who reads the project)")
    @GetMapping("/api/v1/projects/{project}/tasks/{id}/task-type")
    java.util.Map<String, Object> taskType(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return assignments.taskType(user, project, id);
    }

    @Operation(
            summary = "Set a task's type, FIXED_UNITS, FIXED_WORK or FIXED_DURATION, and/or whether it is effort"
                    + " driven (who edits tasks); task version required",
            description = "Effort-driven tasks (and every FIXED_WORK task) keep their total work when people join or"
                    + " leave: a newcomer without workHours takes a share in proportion to units and the others give"
                    + " it up; whoever is taken off hands their work to the rest. keepsTotalWork in the answer says"
                    + " whether that applies.")
    @PutMapping("/api/v1/projects/{project}/tasks/{id}/task-type")
    java.util.Map<String, Object> setTaskType(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody TaskTypeChange body) {
        return assignments.setTaskType(user, project, id, body);
    }

    @Operation(summary = "A resource's dated rates, oldest first (owners, managers)")
    @GetMapping("/api/v1/projects/{project}/resources/{id}/rates")
    List<CostRate> rates(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return resources.rates(user, project, id);
    }

    @Operation(
            summary = "Add a rate valid from a date (owners, managers); 409 when one exists on that date",
            description = "Standard and overtime rates per hour, cost per use. Time entries on and after the date"
                    + " cost at this rate.")
    @PostMapping("/api/v1/projects/{project}/resources/{id}/rates")
    @ResponseStatus(HttpStatus.CREATED)
    CostRate addRate(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody NewCostRate body) {
        return resources.addRate(user, project, id, body);
    }

    @Operation(summary = "The resources assigned to a task, with units and work")
    @GetMapping("/api/v1/projects/{project}/tasks/{id}/assignments")
    List<Assignment> taskAssignments(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return resources.forTask(user, project, id);
    }
}
