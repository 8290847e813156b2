package org.gantry.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent feasibility check of a {@code .sol} file against its PSPLIB {@code .sm} file: reads both
 * with its own parsing (nothing of the leveller or of {@link PsplibReader}) and checks that every job has
 * a start, that every successor starts after its predecessor finishes and that no renewable resource is
 * over its availability at any time unit. Returns the makespan, or throws naming the first violation.
 */
final class PsplibSolutions {
    private PsplibSolutions() {}

    static int checkedMakespan(Path instance, Path solution) throws IOException {
        List<String> lines = Files.readAllLines(instance);
        int precedence = indexStartingWith(lines, "PRECEDENCE RELATIONS:");
        int requests = indexStartingWith(lines, "REQUESTS/DURATIONS:");
        int availabilities = indexStartingWith(lines, "RESOURCEAVAILABILITIES:");
        List<int[]> successorRows = rows(lines, precedence + 2);
        List<int[]> requestRows = rows(lines, requests + 3);
        int[] capacity = Arrays.stream(lines.get(availabilities + 2).trim().split("\\s+"))
                .mapToInt(Integer::parseInt)
                .toArray();
        int jobs = successorRows.size();
        int[] duration = new int[jobs + 1];
        int[][] demand = new int[jobs + 1][];
        for (int[] row : requestRows) {
            duration[row[0]] = row[2];
            demand[row[0]] = Arrays.copyOfRange(row, 3, row.length);
        }
        int[] start = new int[jobs + 1];
        Arrays.fill(start, -1);
        for (String line : Files.readAllLines(solution)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            int job = Integer.parseInt(fields[0]);
            if (job < 1 || job > jobs || start[job] != -1) {
                throw new AssertionError(solution + ": job " + job + " unknown or listed twice");
            }
            start[job] = Integer.parseInt(fields[1]);
            if (start[job] < 0) {
                throw new AssertionError(solution + ": job " + job + " starts before 0");
            }
        }
        int makespan = 0;
        for (int job = 1; job <= jobs; job++) {
            if (start[job] < 0) {
                throw new AssertionError(solution + ": job " + job + " has no start");
            }
            makespan = Math.max(makespan, start[job] + duration[job]);
        }
        for (int[] row : successorRows) {
            int job = row[0];
            for (int index = 0; index < row[2]; index++) {
                int successor = row[3 + index];
                if (start[successor] < start[job] + duration[job]) {
                    throw new AssertionError(solution + ": job " + successor + " starts at " + start[successor]
                            + " before its predecessor " + job + " finishes at " + (start[job] + duration[job]));
                }
            }
        }
        for (int time = 0; time < makespan; time++) {
            for (int resource = 0; resource < capacity.length; resource++) {
                int inUse = 0;
                for (int job = 1; job <= jobs; job++) {
                    if (start[job] <= time && time < start[job] + duration[job]) {
                        inUse += demand[job][resource];
                    }
                }
                if (inUse > capacity[resource]) {
                    throw new AssertionError(solution + ": resource " + (resource + 1) + " holds " + inUse
                            + " units at time " + time + ", availability " + capacity[resource]);
                }
            }
        }
        return makespan;
    }

    private static int indexStartingWith(List<String> lines, String prefix) {
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).startsWith(prefix)) {
                return index;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    private static List<int[]> rows(List<String> lines, int from) {
        List<int[]> rows = new ArrayList<>();
        for (int index = from; index < lines.size() && !lines.get(index).startsWith("*"); index++) {
            if (!lines.get(index).isBlank()) {
                rows.add(Arrays.stream(lines.get(index).trim().split("\\s+"))
                        .mapToInt(Integer::parseInt)
                        .toArray());
            }
        }
        return rows;
    }
}
