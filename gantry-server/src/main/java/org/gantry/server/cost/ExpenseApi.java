package org.gantry.server.cost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
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

@Tag(name = "Expenses", description = "Money spent for a project on a day; it counts in the actual cost")
@GantryApi
@RequestMapping("/api/v1/projects/{project}/expenses")
class ExpenseApi {

    private final ExpenseService expenses;

    ExpenseApi(ExpenseService expenses) {
        this.expenses = expenses;
    }

    @Operation(
            summary = "The project's expenses you may see, by date",
            description = "Owners and managers see everyone's, members their own, stakeholders none (403). Filters:"
                    + " from and to (dates, inclusive), task (id).")
    @GetMapping
    List<Expense> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Long task) {
        return expenses.list(user, project, from, to, task);
    }

    @Operation(summary = "One expense (your own; owners and managers: anyone's)")
    @GetMapping("/{id}")
    Expense get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return expenses.get(user, project, id);
    }

    @Operation(
            summary = "Record an expense of yours (owners, managers, members)",
            description =
                    "date, amount (more than 0, at most two decimals, project currency), note, taskId" + " (optional).")
    @PostMapping
    ResponseEntity<Expense> create(CurrentUser user, @PathVariable String project, @RequestBody NewExpense body) {
        Expense expense = expenses.create(user, project, body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/expenses/" + expense.id()))
                .body(expense);
    }

    @Operation(
            summary = "Change an expense; version required, 409 with the current expense when stale",
            description = "Your own; owners and managers: anyone's. taskId 0 takes it off its task.")
    @PatchMapping("/{id}")
    Expense update(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody ExpenseChanges changes) {
        return expenses.update(user, project, id, changes);
    }

    @Operation(summary = "Delete an expense (optionally only at the given version)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        expenses.delete(user, project, id, version);
    }
}
