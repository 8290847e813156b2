package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Imports the 401 files Microsoft Project saved (../shared/oracles/msproject), exports each as MSPDI, reads
 * that back with MPXJ and compares tasks, links, calendars, resources, assignments and baselines field by
 * field. A floor: it fails when a change loses a file that passed.
 */
@Tag("oracle")
class RoundTripOracleTests {
    /** Every file passes today. */
    private static final int PASSING_FLOOR = 401;

    @Test
    void everyOracleFileSurvivesAnMspdiRoundTrip() throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        Path folder = Path.of(oracles, "msproject");
        assertThat(Files.isDirectory(folder)).as(folder + " exists").isTrue();

        List<CheckResult> results = RoundTrip.checkAll(ScheduleCheck.filesUnder(List.of(folder)), result -> {});

        long passed = results.stream().filter(CheckResult::passed).count();
        results.stream().filter(result -> !result.passed()).forEach(result -> System.out.println(result.line()));
        System.out.println("round trip: " + passed + " passed, " + (results.size() - passed) + " failed");
        assertThat(results).hasSize(401);
        assertThat(passed).isGreaterThanOrEqualTo(PASSING_FLOOR);
    }
}
