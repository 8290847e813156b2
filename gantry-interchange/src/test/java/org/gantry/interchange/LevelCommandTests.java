package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelCommandTests {
    @TempDir
    Path folder;

    /**
     * Four real jobs on one resource of 2 units: 2 (2 days, 1 unit) before 3 (2 days, 2 units); 4 (6 days,
     * 1 unit) and 5 (4 days, 1 unit) free. The latest-finish rule finishes at 10; the optimum is 8.
     */
    private static final String SMALL = """
            ************************************************************************
            file with basedata            : small.bas
            initial value random generator: 1
            ************************************************************************
            projects                      :  1
            jobs (incl. supersource/sink ):  6
            horizon                       :  14
            RESOURCES
              - renewable                 :  1   R
              - nonrenewable              :  0   N
              - doubly constrained        :  0   D
            ************************************************************************
            PROJECT INFORMATION:
            pronr.  #jobs rel.date duedate tardcost  MPM-Time
                1      4      0       6        1        6
            ************************************************************************
            PRECEDENCE RELATIONS:
            jobnr.    #modes  #successors   successors
               1        1          3           2   4   5
               2        1          1           3
               3        1          1           6
               4        1          1           6
               5        1          1           6
               6        1          0
            ************************************************************************
            REQUESTS/DURATIONS:
            jobnr. mode duration  R 1
            ------------------------------------------------------------------------
              1      1     0       0
              2      1     2       1
              3      1     2       2
              4      1     6       1
              5      1     4       1
              6      1     0       0
            ************************************************************************
            RESOURCEAVAILABILITIES:
              R 1
                2
            ************************************************************************
            """;

    @Test
    void levelsEachInstanceWritesItsSolutionAndReportsTheGap() throws Exception {
        Path instances = Files.createDirectories(folder.resolve("psplib/small"));
        Files.writeString(instances.resolve("small_1.sm"), SMALL);
        Files.writeString(instances.resolve("small_2.sm"), SMALL.replace("  4      1     6", "  4      1     8"));
        Files.writeString(instances.resolve("notes.txt"), "not an instance");
        Files.writeString(
                folder.resolve("psplib/best-known.csv"),
                "Model name;Status;Objective;Lower bound\nrcpsp_small_small_1;Optimum;8;8\n");
        Path out = folder.resolve("solutions");

        Output output = run("level", "--out", out.toString(), "--seconds", "5", instances.toString());

        assertThat(output.status()).isZero();
        assertThat(output.lines()).hasSize(3);
        assertThat(output.lines().get(0)).matches("LEVELLED .*small_1\\.sm makespan=8 ms=\\d+");
        assertThat(output.lines().get(1)).matches("LEVELLED .*small_2\\.sm makespan=\\d+ ms=\\d+");
        // Only small_1 is listed in best-known.csv, and it is levelled to its optimum.
        assertThat(output.lines().get(2)).matches("levelled=2 mean_gap_pct=0\\.00 max_ms=\\d+");
        assertThat(PsplibSolutions.checkedMakespan(instances.resolve("small_1.sm"), out.resolve("small_1.sm.sol")))
                .isEqualTo(8);
        assertThat(Files.readAllLines(out.resolve("small_1.sm.sol")))
                .hasSize(6)
                .allMatch(line -> line.matches("\\d+ \\d+"));
        int second = PsplibSolutions.checkedMakespan(instances.resolve("small_2.sm"), out.resolve("small_2.sm.sol"));
        assertThat(output.lines().get(1)).contains(" makespan=" + second + " ");
    }

    @Test
    void aLongerSolutionThanTheBestKnownShowsAsAGap() throws Exception {
        Path instance = folder.resolve("small_1.sm");
        Files.writeString(instance, SMALL);
        Path bestKnown = Files.writeString(folder.resolve("elsewhere.csv"), "rcpsp_x_small_1;Feasible;7;6\n");

        Output output = run("level", "--best-known", bestKnown.toString(), instance.toString());

        // 8 against a claimed 7: (8 - 7) / 7.
        assertThat(output.lines()).last().asString().startsWith("levelled=1 mean_gap_pct=14.29 max_ms=");
    }

    @Test
    void anUnreadableFileIsReportedAndFailsTheRun() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.sm"), "jobs (incl. supersource/sink ):  3\n");

        Output output = run("level", broken.toString());

        assertThat(output.status()).isEqualTo(1);
        assertThat(output.lines().get(0)).startsWith("FAILED " + broken);
        assertThat(output.lines().get(1)).isEqualTo("levelled=0 mean_gap_pct=n/a max_ms=0");
    }

    @Test
    void theSecondsBoundTheTimeOfEachInstance() throws Exception {
        Path oneJob = Files.writeString(folder.resolve("small_1.sm"), SMALL);

        Output quick = run("level", "--seconds", "0.2", oneJob.toString());

        assertThat(quick.status()).isZero();
        long millis = Long.parseLong(
                quick.lines().get(0).substring(quick.lines().get(0).indexOf("ms=") + 3));
        assertThat(millis).isLessThan(200);
        assertThat(run("level", "--seconds", "0", oneJob.toString()).status()).isEqualTo(2);
    }

    @Test
    void withoutPathsItPrintsTheUsage() throws Exception {
        Output output = run("level", "--out", "x");

        assertThat(output.status()).isEqualTo(2);
        assertThat(output.errors()).contains("usage: level");
    }

    record Output(int status, List<String> lines, String errors) {}

    static Output run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = LevelCommand.run(args, outStream, errStream);
        }
        return new Output(
                status, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }
}
