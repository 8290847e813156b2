package org.gantry.interchange;

import java.nio.file.Path;

/**
 * The cost check's verdict on one file: whether it holds any cost at all (files without are not
 * reported), and if so whether every task's cost matched, or the first that did not and how many others.
 */
public record CostCheckResult(
        Path path, boolean holdsCost, boolean passed, int tasks, String firstDifference, int otherDifferences) {

    static CostCheckResult noCost(Path path) {
        return new CostCheckResult(path, false, true, 0, null, 0);
    }

    static CostCheckResult unreadable(Path path, String reason) {
        return new CostCheckResult(path, true, false, 0, reason, 0);
    }

    /** The line the command prints for this file. */
    public String line() {
        if (passed) {
            return "PASS " + path + " (" + tasks + " tasks)";
        }
        return "FAIL " + path + ": " + firstDifference
                + (otherDifferences > 0 ? " (+" + otherDifferences + " more)" : "");
    }
}
