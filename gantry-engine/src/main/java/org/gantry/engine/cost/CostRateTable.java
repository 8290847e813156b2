package org.gantry.engine.cost;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A resource's rates over time (Microsoft Project's tables A to E are five of these), sorted by effective
 * date. Before the first date the first line applies, as Project treats its first line as valid from the
 * beginning of time.
 */
public record CostRateTable(List<CostRateEntry> entries) {
    public CostRateTable {
        entries = entries.stream()
                .sorted(Comparator.comparing(CostRateEntry::effectiveFrom))
                .toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a cost rate table needs at least one line");
        }
    }

    public static CostRateTable of(CostRateEntry... entries) {
        return new CostRateTable(List.of(entries));
    }

    /** The line in force at the given instant. */
    public CostRateEntry at(LocalDateTime when) {
        CostRateEntry found = entries.get(0);
        for (CostRateEntry entry : entries) {
            if (entry.effectiveFrom().isAfter(when)) {
                break;
            }
            found = entry;
        }
        return found;
    }

    /** The dates after {@code from} and up to {@code to} at which another line takes over. */
    public List<LocalDateTime> changesBetween(LocalDateTime from, LocalDateTime to) {
        return entries.stream()
                .map(CostRateEntry::effectiveFrom)
                .filter(date -> date.isAfter(from) && !date.isAfter(to))
                .toList();
    }
}
