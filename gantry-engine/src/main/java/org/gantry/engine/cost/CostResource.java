package org.gantry.engine.cost;

import java.util.List;
import java.util.Objects;

/**
 * A resource as costs see it: its kind, its rate tables (index 0 is table A) and when its costs accrue. A
 * budget resource only carries a budget on the project summary: its assignments cost nothing.
 */
public record CostResource(
        String resource, ResourceKind kind, List<CostRateTable> rateTables, CostAccrual accrual, boolean budget) {
    public CostResource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(kind, "kind");
        rateTables = List.copyOf(rateTables);
        accrual = accrual == null ? CostAccrual.PRORATED : accrual;
    }

    public static CostResource working(String resource, CostRateTable table) {
        return new CostResource(resource, ResourceKind.WORK, List.of(table), CostAccrual.PRORATED, false);
    }

    CostRateTable table(int index) {
        if (rateTables.isEmpty()) {
            return null;
        }
        return rateTables.get(index >= 0 && index < rateTables.size() ? index : 0);
    }
}
