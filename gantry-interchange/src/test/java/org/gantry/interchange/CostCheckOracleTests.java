package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Computes every task's cost in the Microsoft Project files of ../shared/oracles/msproject that hold any
 * cost and compares with the costs Project stored. A floor: it fails when a change loses a file that passed.
 */
@Tag("oracle")
class CostCheckOracleTests {
    /** Files whose every task's cost matches today (all of them). */
    private static final int PASSING_FLOOR = 26;

    @Test
    void theCostModelReproducesMicrosoftProjectsTaskCosts() throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        Path folder = Path.of(oracles, "msproject");
        assertThat(Files.isDirectory(folder)).as(folder + " exists").isTrue();

        List<CostCheckResult> results = CostCheck.checkAll(ScheduleCheck.filesUnder(List.of(folder)), result -> {});

        long passed = results.stream().filter(CostCheckResult::passed).count();
        results.stream().filter(result -> !result.passed()).forEach(result -> System.out.println(result.line()));
        System.out.println(passed + " passed, " + (results.size() - passed) + " failed");
        assertThat(results).as("files holding costs").hasSize(26);
        assertThat(results.stream().mapToInt(CostCheckResult::tasks).sum())
                .as("tasks compared")
                .isGreaterThan(100);
        assertThat(passed).isGreaterThanOrEqualTo(PASSING_FLOOR);
    }
}
