package org.gantry.server.interchange;

import java.util.List;
import org.gantry.interchange.RowError;

/** A spreadsheet import refused because rows are wrong; nothing was created. */
public class TableRowsRejected extends RuntimeException {
    private final List<RowError> errors;

    public TableRowsRejected(List<RowError> errors) {
        super(errors.size() + (errors.size() == 1 ? " row problem" : " row problems") + "; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
