package org.gantry.interchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar gantry-interchange-cli.jar costs PATH...}: runs the cost check over files and folders,
 * one line per file that holds any cost, then a total. Exits 1 when a file failed.
 */
final class CostsCommand {
    private CostsCommand() {}

    static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: costs PATH...");
            System.exit(2);
            return;
        }
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            paths.add(Path.of(args[i]));
        }
        int[] counts = new int[2];
        CostCheck.checkAll(ScheduleCheck.filesUnder(paths), result -> {
            System.out.println(result.line());
            System.out.flush();
            counts[result.passed() ? 0 : 1]++;
        });
        System.out.println(counts[0] + " passed, " + counts[1] + " failed");
        System.exit(counts[1] == 0 ? 0 : 1);
    }
}
