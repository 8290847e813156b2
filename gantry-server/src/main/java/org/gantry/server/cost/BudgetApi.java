package org.gantry.server.cost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
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

@Tag(name = "Budgets", description = "The money granted for a project and for its cost accounts (summary tasks)")
@GantryApi
@RequestMapping("/api/v1/projects/{project}/budgets")
class BudgetApi {

    private final BudgetService budgets;

    BudgetApi(BudgetService budgets) {
        this.budgets = budgets;
    }

    @Operation(summary = "The project's budget and its tasks' budgets (owners, managers)")
    @GetMapping
    List<Budget> list(CurrentUser user, @PathVariable String project) {
        return budgets.list(user, project);
    }

    @Operation(summary = "One budget (owners, managers)")
    @GetMapping("/{id}")
    Budget get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return budgets.get(user, project, id);
    }

    @Operation(
            summary = "Set the project's budget (no taskId) or a task's (owners, managers)",
            description = "amount 0 or more, at most two decimals, project currency; 409 with the current one when"
                    + " the project or task has a budget already.")
    @PostMapping
    ResponseEntity<Budget> create(CurrentUser user, @PathVariable String project, @RequestBody BudgetChange body) {
        Budget budget = budgets.create(user, project, body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/budgets/" + budget.id()))
                .body(budget);
    }

    @Operation(summary = "Change a budget's amount or note; version required, 409 with the current one when stale")
    @PatchMapping("/{id}")
    Budget update(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody BudgetChange changes) {
        return budgets.update(user, project, id, changes);
    }

    @Operation(summary = "Delete a budget (owners, managers; optionally only at the given version)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        budgets.delete(user, project, id, version);
    }
}
