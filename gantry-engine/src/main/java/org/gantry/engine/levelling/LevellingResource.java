package org.gantry.engine.levelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A resource the Microsoft-Project-compatible levelling keeps within its maximum units (100 = one person),
 * with the times it does not work although the levelling's calendar does: its own calendar's days off
 * (a vacation, a part-time week's free day), in the caller's time units. While absent it has no capacity:
 * work on it waits, so a task of the resource that spans an absence lasts that much longer, and no task
 * uses it there.
 */
public record LevellingResource(String id, int maxUnits, List<Absence> absences) {
    public LevellingResource {
        Objects.requireNonNull(id, "id");
        if (maxUnits < 0) {
            throw new IllegalArgumentException("resource " + id + ": maximum units " + maxUnits + " are negative");
        }
        absences = merged(absences);
    }

    public LevellingResource(String id, int maxUnits) {
        this(id, maxUnits, List.of());
    }

    /** From {@code start} (inclusive) to {@code end} (exclusive) the resource does not work. */
    public record Absence(int start, int end) {
        public Absence {
            if (end < start) {
                throw new IllegalArgumentException("absence ends at " + end + " before it starts at " + start);
            }
        }
    }

    /** Sorted, without overlaps: back-to-back days off become one absence. */
    private static List<Absence> merged(List<Absence> absences) {
        List<Absence> sorted = new ArrayList<>(absences);
        sorted.removeIf(absence -> absence.end() == absence.start());
        sorted.sort(Comparator.comparingInt(Absence::start));
        List<Absence> merged = new ArrayList<>();
        for (Absence absence : sorted) {
            Absence last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && absence.start() <= last.end()) {
                merged.set(merged.size() - 1, new Absence(last.start(), Math.max(last.end(), absence.end())));
            } else {
                merged.add(absence);
            }
        }
        return List.copyOf(merged);
    }

    /** The index of the first absence that ends after {@code at} (the absences' count if none does). */
    private int firstEndingAfter(int at) {
        int low = 0;
        int high = absences.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (absences.get(middle).end() <= at) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Whether the resource works at {@code at}. */
    public boolean present(int at) {
        int index = firstEndingAfter(at);
        return index == absences.size() || absences.get(index).start() > at;
    }

    /** The first instant from {@code at} on at which the resource works. */
    public int nextPresence(int at) {
        int index = firstEndingAfter(at);
        return index < absences.size() && absences.get(index).start() <= at
                ? absences.get(index).end()
                : at;
    }

    /**
     * When work of {@code duration} that starts at {@code start} ends on this resource: {@code duration} of
     * its working time later, its absences on the way not counted.
     */
    public int finish(int start, int duration) {
        if (duration <= 0) {
            return start;
        }
        int at = start;
        long left = duration;
        for (int index = firstEndingAfter(start); index < absences.size(); index++) {
            Absence absence = absences.get(index);
            if (absence.start() >= at + left) {
                break;
            }
            left -= Math.max(0, absence.start() - at);
            at = absence.end();
        }
        return (int) Math.min(Integer.MAX_VALUE / 2, at + left);
    }

    /** The ends of the absences after {@code from} and before {@code to}: where the resource comes back. */
    List<Integer> returnsBetween(int from, int to) {
        List<Integer> returns = new ArrayList<>();
        for (int index = firstEndingAfter(from); index < absences.size(); index++) {
            int end = absences.get(index).end();
            if (end >= to) {
                break;
            }
            if (end > from) {
                returns.add(end);
            }
        }
        return returns;
    }
}
