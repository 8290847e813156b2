package org.gantry.interchange;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which {@link TableColumn} each column of a spreadsheet holds, by position. {@link #detect} proposes one
 * from the headers; the user corrects it with {@link #with} before the preview.
 */
public record ColumnMapping(List<TableColumn> columns) {
    public ColumnMapping {
        columns = List.copyOf(columns);
    }

    /** Recognises common headers (Name, Task Name, Duration, Start, Predecessors, Outline Level, WBS...). */
    public static ColumnMapping detect(List<String> headers) {
        List<TableColumn> columns = new ArrayList<>();
        Set<TableColumn> taken = EnumSet.noneOf(TableColumn.class);
        for (String header : headers) {
            TableColumn column = TableColumn.recognise(header);
            if (column != TableColumn.IGNORED && !taken.add(column)) {
                column = TableColumn.IGNORED; // a second "Name" column is not a second name
            }
            columns.add(column);
        }
        return new ColumnMapping(columns);
    }

    /** This mapping with column {@code index} holding {@code column}; any other column holding it is ignored. */
    public ColumnMapping with(int index, TableColumn column) {
        List<TableColumn> changed = new ArrayList<>(columns);
        while (changed.size() <= index) {
            changed.add(TableColumn.IGNORED);
        }
        if (column != TableColumn.IGNORED) {
            changed.replaceAll(c -> c == column ? TableColumn.IGNORED : c);
        }
        changed.set(index, column);
        return new ColumnMapping(changed);
    }

    /** The position of the column holding {@code column}, or -1. */
    public int indexOf(TableColumn column) {
        return columns.indexOf(column);
    }
}
