package org.gantry.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(name = "Delivery metrics", description = "DORA and quality measures from the project's engineering signals")
@GantryApi
class DeliveryMetricsApi {

    private final DeliveryMetricsService metrics;

    DeliveryMetricsApi(DeliveryMetricsService metrics) {
        this.metrics = metrics;
    }

    @Operation(
            summary = "Deployment frequency, lead time for changes, change failure rate, time to restore, escaped"
                    + " defects and security-fix lead time over a period, with a weekly series",
            description = "from and to are dates in the project's time zone, both included (by default the twelve"
                    + " weeks up to today, at most 731 days); environment defaults to the project's production environment"
                    + " (status rules; production unless set); service narrows the measures to one repository (or"
                    + " generic service name). A measure"
                    + " without the signals it needs says NOT_ENOUGH_DATA with a note instead of a zero.")
    @GetMapping("/api/v1/projects/{project}/delivery-metrics")
    DeliveryMetrics deliveryMetrics(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String environment,
            @RequestParam(required = false) String service) {
        return metrics.measure(user, project, from, to, environment, service);
    }
}
