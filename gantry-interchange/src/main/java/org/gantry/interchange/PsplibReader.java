package org.gantry.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gantry.engine.levelling.LevellingTask;
import org.gantry.engine.levelling.ResourceConstrainedProject;

/**
 * Reads a single-mode PSPLIB file ({@code .sm}, Kolisch and Sprecher 1996): the precedence relations
 * (each job's successors), each job's duration and renewable resource requests, and the renewable
 * resources' availabilities. Job number {@code n} becomes task {@code n - 1}. Non-renewable resources
 * do not exist in single-mode files and are refused rather than ignored.
 */
final class PsplibReader {
    private PsplibReader() {}

    static ResourceConstrainedProject read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int jobs = -1;
        int renewable = -1;
        int line = 0;
        List<int[]> successorRows = new ArrayList<>();
        List<int[]> requestRows = new ArrayList<>();
        int[] capacities = null;
        while (line < lines.size()) {
            String text = lines.get(line).trim();
            if (text.startsWith("jobs (incl. supersource/sink )")) {
                jobs = Integer.parseInt(afterColon(text));
            } else if (text.startsWith("- renewable")) {
                renewable = Integer.parseInt(afterColon(text).split("\\s+")[0]);
            } else if (text.startsWith("- nonrenewable") || text.startsWith("- doubly constrained")) {
                if (Integer.parseInt(afterColon(text).split("\\s+")[0]) != 0) {
                    throw new IOException(file + ": non-renewable resources are not supported (" + text + ")");
                }
            } else if (text.startsWith("PRECEDENCE RELATIONS:")) {
                line += 2;
                while (line < lines.size() && !lines.get(line).startsWith("*")) {
                    if (!lines.get(line).isBlank()) {
                        successorRows.add(numbers(lines.get(line)));
                    }
                    line++;
                }
                continue;
            } else if (text.startsWith("REQUESTS/DURATIONS:")) {
                line += 3;
                while (line < lines.size() && !lines.get(line).startsWith("*")) {
                    if (!lines.get(line).isBlank()) {
                        requestRows.add(numbers(lines.get(line)));
                    }
                    line++;
                }
                continue;
            } else if (text.startsWith("RESOURCEAVAILABILITIES:")) {
                capacities = numbers(lines.get(line + 2));
                line += 3;
                continue;
            }
            line++;
        }
        if (jobs < 0 || renewable < 0 || capacities == null) {
            throw new IOException(file + ": not a PSPLIB single-mode file (header or availabilities missing)");
        }
        if (successorRows.size() != jobs || requestRows.size() != jobs || capacities.length != renewable) {
            throw new IOException(file + ": expected " + jobs + " jobs and " + renewable + " resources, found "
                    + successorRows.size() + " precedence rows, " + requestRows.size() + " request rows and "
                    + capacities.length + " availabilities");
        }
        List<List<Integer>> successors = new ArrayList<>();
        for (int index = 0; index < jobs; index++) {
            successors.add(List.of());
        }
        for (int[] row : successorRows) {
            int job = row[0];
            int count = row[2];
            List<Integer> next = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                next.add(row[3 + index] - 1);
            }
            successors.set(job - 1, next);
        }
        LevellingTask[] tasks = new LevellingTask[jobs];
        for (int[] row : requestRows) {
            int job = row[0];
            if (row.length != 3 + renewable) {
                throw new IOException(
                        file + ": job " + job + " has " + (row.length - 3) + " requests, expected " + renewable);
            }
            List<Integer> demands = Arrays.stream(row, 3, row.length).boxed().toList();
            tasks[job - 1] = new LevellingTask(row[2], successors.get(job - 1), demands);
        }
        try {
            return new ResourceConstrainedProject(
                    Arrays.asList(tasks), Arrays.stream(capacities).boxed().toList());
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new IOException(file + ": " + invalid.getMessage(), invalid);
        }
    }

    private static String afterColon(String text) {
        return text.substring(text.indexOf(':') + 1).trim();
    }

    private static int[] numbers(String text) {
        String trimmed = text.trim();
        return Arrays.stream(trimmed.split("\\s+"))
                .filter(token -> !token.equals("R"))
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
