package org.gantry.interchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar gantry-interchange-cli.jar check PATH...}: runs the schedule check over files and
 * folders (searched recursively for every format MPXJ reads), one line per file, then a total.
 */
public final class CheckCommand {
    private CheckCommand() {}

    public static void main(String[] args) throws Exception {
        // POI (through MPXJ) logs through Log4j's API without a provider on the classpath; its status
        // logger would print an error line to stderr for nothing.
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
        if (args.length > 0 && args[0].equals("roundtrip")) {
            RoundTripCommand.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("level")) {
            LevelCommand.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("costs")) {
            CostsCommand.main(args);
            return;
        }
        if (args.length < 2 || !args[0].equals("check")) {
            System.err.println(
                    "usage: check PATH... | costs PATH... | roundtrip PATH... | level [--out DIR] [--seconds S] PATH...");
            System.exit(2);
            return;
        }
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            paths.add(Path.of(args[i]));
        }
        int[] counts = new int[2];
        ScheduleCheck.checkAll(ScheduleCheck.filesUnder(paths), result -> {
            System.out.println(result.line());
            System.out.flush();
            counts[result.passed() ? 0 : 1]++;
        });
        System.out.println(counts[0] + " passed, " + counts[1] + " failed");
        System.exit(counts[1] == 0 ? 0 : 1);
    }
}
