package org.gantry.server.interchange;

import java.util.List;
import org.gantry.interchange.DateDifference;

/**
 * What an import did (or, for a report, would do): the project, how many tasks and links, the tasks whose
 * dates Gantry's engine computes differently (with both values and the reason), a scheduling problem if
 * the plan cannot be scheduled, everything in the file Gantry did not keep, and how many calendars, resources,
 * assignments and baselines (one per task and slot) came with the plan.
 */
public record ImportSummary(
        String projectKey,
        String projectName,
        String sourceFormat,
        int tasks,
        int links,
        List<DateDifference> dateDifferences,
        String scheduleProblem,
        List<String> notKept,
        int calendars,
        int resources,
        int assignments,
        int baselines) {}
