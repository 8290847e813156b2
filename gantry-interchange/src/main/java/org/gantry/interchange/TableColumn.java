package org.gantry.interchange;

import java.util.List;
import java.util.Locale;

/**
 * What a column of an imported spreadsheet holds, with the headers that are recognised as it (compared
 * without case, spaces or punctuation). {@link #IGNORED} columns are read past.
 */
public enum TableColumn {
    ID("ID", List.of("id", "taskid", "row", "no", "number", "activityno")),
    UNIQUE_ID("Unique ID", List.of("uniqueid", "uid", "key", "activityid", "externalid")),
    OUTLINE_LEVEL("Outline Level", List.of("outlinelevel", "level", "indent", "indentlevel")),
    WBS("WBS", List.of("wbs", "outlinenumber", "wbscode", "wbsnumber")),
    NAME("Name", List.of("name", "taskname", "task", "title", "activityname", "activity", "subject")),
    TYPE("Type", List.of("type", "tasktype", "kind")),
    MILESTONE("Milestone", List.of("milestone", "ismilestone")),
    DURATION("Duration", List.of("duration", "originalduration", "plannedduration", "dur", "estimate")),
    START("Start", List.of("start", "startdate", "begin", "plannedstart", "startdatetime")),
    FINISH("Finish", List.of("finish", "finishdate", "end", "enddate", "due", "duedate", "plannedfinish")),
    PREDECESSORS("Predecessors", List.of("predecessors", "predecessor", "dependencies", "dependson", "pred")),
    RESOURCE_NAMES("Resource Names", List.of("resourcenames", "resources", "resource", "assignedto", "assignee")),
    PERCENT_COMPLETE("% Complete", List.of("complete", "percentcomplete", "progress", "pctcomplete", "done")),
    CONSTRAINT_TYPE("Constraint Type", List.of("constrainttype", "constraint")),
    CONSTRAINT_DATE("Constraint Date", List.of("constraintdate")),
    DEADLINE("Deadline", List.of("deadline")),
    NOTES("Notes", List.of("notes", "note", "comments", "comment", "description")),
    IGNORED("(ignore)", List.of());

    private final String header;
    private final List<String> synonyms;

    TableColumn(String header, List<String> synonyms) {
        this.header = header;
        this.synonyms = synonyms;
    }

    /** The header Gantry writes for this column. */
    public String header() {
        return header;
    }

    /** The column a header stands for, or IGNORED. */
    public static TableColumn recognise(String header) {
        String normalised = normalise(header);
        for (TableColumn column : values()) {
            if (column.synonyms.contains(normalised)) {
                return column;
            }
        }
        return IGNORED;
    }

    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder letters = new StringBuilder();
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
