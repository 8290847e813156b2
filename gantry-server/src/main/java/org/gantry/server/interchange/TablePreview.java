package org.gantry.server.interchange;

import java.util.List;
import org.gantry.interchange.RowError;

/**
 * The mapping step of a spreadsheet import: the sheet's headers, the column each one is mapped to (detected
 * or as sent), the first tasks as they would be created, and every row error. Nothing is written.
 */
public record TablePreview(
        List<String> headers, List<String> mapping, int rows, List<PreviewTask> tasks, List<RowError> errors) {

    /** A task as the import would create it. */
    public record PreviewTask(
            int outlineLevel, String wbs, String name, String type, String duration, String start, String finish) {}
}
