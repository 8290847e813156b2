package org.gantry.interchange;

import java.nio.file.Path;

/**
 * The schedule check's verdict on one file: passed, or the first difference (task, field, what the file
 * stored, what the engine computed) and how many others there were; or why the file could not be checked.
 */
public record CheckResult(
        Path path, boolean passed, int tasks, long schedulingNanos, String firstDifference, int otherDifferences) {

    static CheckResult passed(Path path, int tasks, long nanos) {
        return new CheckResult(path, true, tasks, nanos, null, 0);
    }

    static CheckResult failed(Path path, int tasks, long nanos, String firstDifference, int others) {
        return new CheckResult(path, false, tasks, nanos, firstDifference, others);
    }

    static CheckResult unreadable(Path path, String reason) {
        return new CheckResult(path, false, 0, 0, reason, 0);
    }

    /** The line the command prints for this file. */
    public String line() {
        if (passed) {
            return "PASS " + path + " (" + tasks + " tasks, "
                    + String.format(java.util.Locale.ROOT, "%.1f", schedulingNanos / 1e6) + " ms)";
        }
        return "FAIL " + path + ": " + firstDifference
                + (otherDifferences > 0 ? " (+" + otherDifferences + " more)" : "");
    }
}
