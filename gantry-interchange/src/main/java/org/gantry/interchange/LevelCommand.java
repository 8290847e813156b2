package org.gantry.interchange;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.gantry.engine.levelling.LevelledSchedule;
import org.gantry.engine.levelling.LevellingSettings;
import org.gantry.engine.levelling.OptimisingLevelling;
import org.gantry.engine.levelling.ResourceConstrainedProject;

/**
 * {@code java -jar gantry-interchange-cli.jar level [--out DIR] [--seconds S] [--best-known FILE] PATH...}:
 * levels PSPLIB single-mode files ({@code .sm}, and folders searched for them) with the engine's
 * optimising levelling, one line per instance, then the count, the mean gap to the best known makespans
 * and the longest time taken. The best known makespans come from {@code --best-known} or else from the
 * first {@code best-known.csv} found in an input's folder or the folders above it (as in
 * {@code ../shared/oracles/psplib}); instances it does not list are left out of the mean. Exits 1 when a
 * file could not be read.
 */
final class LevelCommand {
    private static final String USAGE = "usage: level [--out DIR] [--seconds S] [--seed N] [--best-known FILE] PATH...";

    private LevelCommand() {}

    static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path outFolder = null;
        Path bestKnownFile = null;
        LevellingSettings settings = LevellingSettings.defaults();
        long secondsMillis = 1_000;
        List<Path> inputs = new ArrayList<>();
        try {
            for (int index = 1; index < args.length; index++) {
                switch (args[index]) {
                    case "--out" -> outFolder = Path.of(args[++index]);
                    case "--best-known" -> bestKnownFile = Path.of(args[++index]);
                    case "--seconds" -> secondsMillis = Math.round(Double.parseDouble(args[++index]) * 1000);
                    case "--seed" -> settings = settings.withSeed(Long.parseLong(args[++index]));
                    default -> inputs.add(Path.of(args[index]));
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException bad) {
            err.println(USAGE);
            return 2;
        }
        if (inputs.isEmpty() || secondsMillis <= 0) {
            err.println(USAGE);
            return 2;
        }
        if (outFolder != null) {
            Files.createDirectories(outFolder);
        }
        Map<String, Integer> explicitBest = bestKnownFile == null ? null : readBestKnown(bestKnownFile);
        Map<Path, Map<String, Integer>> bestByFolder = new HashMap<>();
        int levelled = 0;
        int failed = 0;
        int compared = 0;
        double gapSum = 0;
        long maxMillis = 0;
        for (Path file : instancesUnder(inputs)) {
            long began = System.nanoTime();
            ResourceConstrainedProject project;
            try {
                project = PsplibReader.read(file);
            } catch (IOException | RuntimeException unreadable) {
                out.println("FAILED " + file + " " + unreadable.getMessage());
                failed++;
                continue;
            }
            // The time limit is for the whole instance, reading included; the search gets what is left
            // less a margin for writing the result and for the machine being busy.
            long searchMillis = Math.max(1, secondsMillis * 80 / 100 - (System.nanoTime() - began) / 1_000_000);
            LevelledSchedule schedule =
                    OptimisingLevelling.level(project, settings.withTimeLimit(Duration.ofMillis(searchMillis)));
            long millis = (System.nanoTime() - began) / 1_000_000;
            maxMillis = Math.max(maxMillis, millis);
            levelled++;
            out.println("LEVELLED " + file + " makespan=" + schedule.makespan() + " ms=" + millis);
            out.flush();
            if (outFolder != null) {
                StringBuilder solution = new StringBuilder();
                for (int task = 0; task < project.tasks().size(); task++) {
                    solution.append(task + 1)
                            .append(' ')
                            .append(schedule.start(task))
                            .append('\n');
                }
                Files.writeString(outFolder.resolve(file.getFileName() + ".sol"), solution.toString());
            }
            Map<String, Integer> best = explicitBest != null
                    ? explicitBest
                    : bestByFolder.computeIfAbsent(file.toAbsolutePath().getParent(), LevelCommand::findBestKnown);
            Integer known = best.get(instanceName(file));
            if (known != null && known > 0) {
                gapSum += 100.0 * (schedule.makespan() - known) / known;
                compared++;
            }
        }
        String meanGap = compared == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", gapSum / compared);
        out.println("levelled=" + levelled + " mean_gap_pct=" + meanGap + " max_ms=" + maxMillis);
        return failed == 0 ? 0 : 1;
    }

    /** The given files and every {@code .sm} file below the given folders, in name order per folder. */
    static List<Path> instancesUnder(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(path -> path.getFileName().toString().endsWith(".sm"))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    /** {@code j3010_1.sm} is listed as {@code rcpsp_j30_j3010_1}: the key is the file name without ".sm". */
    static String instanceName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sm") ? name.substring(0, name.length() - 3) : name;
    }

    private static Map<String, Integer> findBestKnown(Path folder) {
        for (Path current = folder; current != null; current = current.getParent()) {
            Path candidate = current.resolve("best-known.csv");
            if (Files.isRegularFile(candidate)) {
                try {
                    return readBestKnown(candidate);
                } catch (IOException unreadable) {
                    return Map.of();
                }
            }
        }
        return Map.of();
    }

    /**
     * Reads {@code Model name;Status;Objective;Lower bound} rows; a model name {@code rcpsp_j30_j3010_1}
     * is keyed by what follows the set's name ({@code j3010_1}), a plain name by itself.
     */
    static Map<String, Integer> readBestKnown(Path file) throws IOException {
        Map<String, Integer> best = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split(";");
            if (fields.length < 3) {
                continue;
            }
            String name = fields[0].trim();
            if (name.startsWith("rcpsp_")) {
                int separator = name.indexOf('_', "rcpsp_".length());
                name = separator < 0 ? name : name.substring(separator + 1);
            }
            try {
                best.put(name, Integer.parseInt(fields[2].trim()));
            } catch (NumberFormatException header) {
                // The header row, or an instance without a known makespan.
            }
        }
        return best;
    }
}
