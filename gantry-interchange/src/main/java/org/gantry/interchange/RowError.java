package org.gantry.interchange;

/**
 * A problem with one cell of an imported spreadsheet: its row number as the spreadsheet shows it, the
 * column's header, the value found and what is wrong with it.
 */
public record RowError(int row, String column, String value, String problem) {
    /** "Row 5, column 'Duration': '3 dayz' is not a duration (write e.g. 5d, 3h, 2w)." */
    public String describe() {
        return "Row " + row + (column == null ? "" : ", column '" + column + "'") + ": "
                + (value == null || value.isEmpty() ? "" : "'" + value + "' ") + problem;
    }
}
