package org.gantry.interchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar gantry-interchange-cli.jar roundtrip PATH...}: imports each file, exports it as MSPDI,
 * reads that back and compares; one line per file, then a total, in the same form as {@code check}.
 */
final class RoundTripCommand {
    private RoundTripCommand() {}

    static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: roundtrip PATH...");
            System.exit(2);
            return;
        }
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            paths.add(Path.of(args[i]));
        }
        int[] counts = new int[2];
        RoundTrip.checkAll(ScheduleCheck.filesUnder(paths), result -> {
            System.out.println(result.line());
            System.out.flush();
            counts[result.passed() ? 0 : 1]++;
        });
        System.out.println(counts[0] + " passed, " + counts[1] + " failed");
        System.exit(counts[1] == 0 ? 0 : 1);
    }
}
