package org.gantry.server.signals;

import java.util.List;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The delivery measures as the project dashboard shows them: the four DORA keys of the last twelve weeks in
 * the project's production environment, worded as on the Delivery page ("Not enough data" with the reason
 * when a measure lacks its signals).
 */
@Component
public class DeliverySummary {
    private static final Set<String> SHOWN =
            Set.of("deployment-frequency", "lead-time", "change-failure-rate", "time-to-restore");

    /** One figure: its value in words, the DORA band when it has one, or why there is no figure. */
    public record Figure(String id, String title, String value, String detail, String band, String note) {}

    /** The figures, in the Delivery page's order, and the environment they measure. */
    public record Summary(String environment, List<Figure> figures) {}

    private final DeliveryMetricsService metrics;

    DeliverySummary(DeliveryMetricsService metrics) {
        this.metrics = metrics;
    }

    /** Anyone who sees the project sees its delivery measures. */
    public Summary of(CurrentUser user, String projectKey) {
        DeliveryMetrics measured = metrics.measure(user, projectKey, null, null, null);
        return new Summary(
                measured.period().environment(),
                DeliveryPages.tiles(measured).stream()
                        .filter(tile -> SHOWN.contains(tile.id()))
                        .map(tile -> new Figure(
                                tile.id(), tile.title(), tile.value(), tile.detail(), tile.band(), tile.note()))
                        .toList());
    }
}
