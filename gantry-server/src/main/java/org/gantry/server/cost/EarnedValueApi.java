package org.gantry.server.cost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(name = "Earned value", description = "Cost and schedule performance against a baseline")
@GantryApi
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

    @Operation(
            summary = "The earned value table as an Excel workbook (owners, managers)",
            description = "The same parameters; one line for the project, then one per task in WBS order.")
    @GetMapping("/api/v1/projects/{project}/earned-value/export")
    ResponseEntity<byte[]> export(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String statusDate,
            @RequestParam(required = false) Integer baseline,
            @RequestParam(required = false) String by) {
        EarnedValueView report = earnedValue.report(user, project, statusDate, baseline, by);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(report.project() + "-earned-value-" + report.statusDate() + ".xlsx")
                                .build()
                                .toString())
                .body(EarnedValueWorkbook.bytes(report));
    }
}
