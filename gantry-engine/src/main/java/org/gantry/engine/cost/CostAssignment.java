package org.gantry.engine.cost;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A resource on a task, for costing: the rate table it uses (0 = A), its units (1.0 = 100 %), when it
 * starts, its work cut into slices at the dates its rates change (one slice when they do not), and, for a
 * cost resource, the amount assigned.
 */
public record CostAssignment(
        String task,
        String resource,
        int rateTable,
        BigDecimal units,
        LocalDateTime start,
        List<WorkSlice> work,
        BigDecimal amount) {
    public CostAssignment {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(resource, "resource");
        units = units == null ? BigDecimal.ONE : units;
        work = List.copyOf(work);
        amount = amount == null ? BigDecimal.ZERO : amount;
    }

    /** Regular and overtime work, all under the rate in force at the start. */
    public static CostAssignment of(
            String task, String resource, LocalDateTime start, String units, String regular, String overtime) {
        return new CostAssignment(
                task,
                resource,
                0,
                new BigDecimal(units),
                start,
                List.of(new WorkSlice(start, new BigDecimal(regular), new BigDecimal(overtime))),
                null);
    }
}
