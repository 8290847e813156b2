package org.gantry.server.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Programmes and strategic goals",
        description = "Programmes group projects; strategic goals with weights measure their alignment. Everyone"
                + " reads them; system admins and portfolio managers keep them")
@GantryApi
@RequestMapping("/api/v1")
class StrategyApi {

    private final StrategyService strategy;

    StrategyApi(StrategyService strategy) {
        this.strategy = strategy;
    }

    @Operation(summary = "Every programme, by name, with how many projects it holds")
    @GetMapping("/programmes")
    List<Programme> programmes(CurrentUser user) {
        return strategy.programmes();
    }

    @GetMapping("/programmes/{id}")
    Programme programme(CurrentUser user, @PathVariable long id) {
        return strategy.programme(id);
    }

    @Operation(summary = "Create a programme (system admins and portfolio managers)")
    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    Programme createProgramme(CurrentUser user, @RequestBody ProgrammeFields fields) {
        return strategy.createProgramme(user, fields);
    }

    @Operation(summary = "Rename or describe a programme; version required (409 with the current one when stale)")
    @PatchMapping("/programmes/{id}")
    Programme updateProgramme(CurrentUser user, @PathVariable long id, @RequestBody ProgrammeFields fields) {
        return strategy.updateProgramme(user, id, fields);
    }

    @Operation(summary = "Delete a programme: its projects are then in no programme")
    @DeleteMapping("/programmes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteProgramme(CurrentUser user, @PathVariable long id) {
        strategy.deleteProgramme(user, id);
    }

    @Operation(summary = "Every strategic goal, heaviest first")
    @GetMapping("/strategic-goals")
    List<StrategicGoal> goals(CurrentUser user) {
        return strategy.goals();
    }

    @GetMapping("/strategic-goals/{id}")
    StrategicGoal goal(CurrentUser user, @PathVariable long id) {
        return strategy.goal(id);
    }

    @Operation(summary = "Create a strategic goal with a weight of 1 to 100 (system admins and portfolio managers)")
    @PostMapping("/strategic-goals")
    @ResponseStatus(HttpStatus.CREATED)
    StrategicGoal createGoal(CurrentUser user, @RequestBody GoalFields fields) {
        return strategy.createGoal(user, fields);
    }

    @Operation(summary = "Change a goal's name, description or weight; version required (409 when stale)")
    @PatchMapping("/strategic-goals/{id}")
    StrategicGoal updateGoal(CurrentUser user, @PathVariable long id, @RequestBody GoalFields fields) {
        return strategy.updateGoal(user, id, fields);
    }

    @Operation(summary = "Delete a strategic goal and every project's score for it")
    @DeleteMapping("/strategic-goals/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteGoal(CurrentUser user, @PathVariable long id) {
        strategy.deleteGoal(user, id);
    }
}
