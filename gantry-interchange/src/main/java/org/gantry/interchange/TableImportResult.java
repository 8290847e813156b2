package org.gantry.interchange;

import java.util.List;

/**
 * What a spreadsheet import would create: the plan, when every row is valid, or the errors, each naming
 * its row and column. An import with errors creates nothing.
 */
public record TableImportResult(Plan plan, List<RowError> errors) {
    public TableImportResult {
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (plan == null)) {
            throw new IllegalArgumentException("a result holds a plan or errors, not both");
        }
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
