package org.gantry.server.cost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Earned value", description = "Cost and schedule performance against a baseline")
@RestController
class EarnedValueApi {

    private final EarnedValueService earnedValue;

    EarnedValueApi(EarnedValueService earnedValue) {
        this.earnedValue = earnedValue;
    }

    @Operation(
            summary = "Earned value and earned schedule at a status date (owners, managers)",
            description = "statusDate (default: the project's status date, else today), baseline slot 0..10"
                    + " (default 0), by day, week (default) or month for the S-curve. 409 when the baseline slot"
                    + " holds no task.")
    @GetMapping("/api/v1/projects/{project}/earned-value")
    EarnedValueView report(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String statusDate,
            @RequestParam(required = false) Integer baseline,
            @RequestParam(required = false) String by) {
        return earnedValue.report(user, project, statusDate, baseline, by);
    }
}
