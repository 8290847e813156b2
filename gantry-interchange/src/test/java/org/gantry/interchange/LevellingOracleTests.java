package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Levels PSPLIB instances (../shared/oracles/psplib) through the {@code level} command as a user runs it,
 * checks every schedule it writes with the independent {@link PsplibSolutions} checker and holds the mean
 * gap to the best known makespans (CP Optimizer, 600 s) to a ceiling that the leveller reaches today.
 *
 * <p>To keep the oracle run short on two cores it takes a deterministic sample: every {@code step}-th
 * file of a set in name order (j30: 120 of 480, j60: 60 of 480, j120: 60 of 600). It runs with a long
 * time limit so that only the schedule limit stops the search and the result does not depend on how busy
 * the machine is. The full sets: {@code java -jar <cli jar> level ../shared/oracles/psplib/j30} (README).
 */
@Tag("oracle")
class LevellingOracleTests {
    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}: every {1}th instance within {2} % of the best known on average")
    @CsvSource({"j30, 4, 0.10", "j60, 8, 0.30", "j120, 10, 1.00"})
    void theLevellerComesCloseToTheBestKnownMakespans(String set, int step, double meanGapCeiling) throws Exception {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        Path folder = Path.of(oracles, "psplib", set);
        assertThat(Files.isDirectory(folder)).as(folder + " exists").isTrue();
        List<Path> all = LevelCommand.instancesUnder(List.of(folder));
        List<String> args = new ArrayList<>(List.of("level", "--out", out.toString(), "--seconds", "20"));
        for (int index = 0; index < all.size(); index += step) {
            args.add(all.get(index).toString());
        }
        int sampled = args.size() - 5;

        LevelCommandTests.Output output = LevelCommandTests.run(args.toArray(String[]::new));

        output.lines().forEach(System.out::println);
        assertThat(output.status()).isZero();
        assertThat(output.lines()).hasSize(sampled + 1);
        for (String line : output.lines().subList(0, sampled)) {
            String[] fields = line.split(" ");
            Path instance = Path.of(fields[1]);
            int makespan = Integer.parseInt(fields[2].substring("makespan=".length()));
            assertThat(PsplibSolutions.checkedMakespan(instance, out.resolve(instance.getFileName() + ".sol")))
                    .as(line)
                    .isEqualTo(makespan);
        }
        String summary = output.lines().get(sampled);
        assertThat(summary).startsWith("levelled=" + sampled + " mean_gap_pct=");
        double meanGap = Double.parseDouble(summary.split(" ")[1].substring("mean_gap_pct=".length()));
        assertThat(meanGap).isLessThanOrEqualTo(meanGapCeiling);
    }
}
