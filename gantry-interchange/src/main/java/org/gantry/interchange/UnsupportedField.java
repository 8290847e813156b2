package org.gantry.interchange;

/**
 * Something the source file held that Gantry does not keep: which kind of row (task, resource, assignment,
 * calendar, project), the field as the source tool names it, on how many rows, with one example value.
 */
public record UnsupportedField(String entity, String field, int count, String example) {

    /** "Text1 (Stage) on 12 tasks, e.g. 'Design'", for the import report. */
    public String describe() {
        String plural = count == 1 ? entity : entity + "s";
        return field + " on " + count + " " + plural + (example == null ? "" : ", e.g. '" + example + "'");
    }
}
