package org.gantry.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One critical-path calculation over a network, following Microsoft Project's rules. Everything lives in
 * arrays indexed by task position; instants are minutes since the epoch (see {@link CompiledCalendar}).
 *
 * <p>Summary tasks take part through two graph nodes: an entry node that sits before all their
 * descendants (so links into a summary are done before its children are scheduled) and the task's own
 * node, which sits after all descendants and holds the rolled-up dates (so links out of a summary see
 * its children's dates). A link into a summary constrains every descendant; a link out of a summary is
 * driven by the summary's rolled-up start or finish, as in Microsoft Project.
 */
final class ScheduleRun {
    static final long NONE = Long.MIN_VALUE;
    private static final long LATEST = Long.MAX_VALUE;

    static final byte FINISH_START = 0;
    static final byte START_START = 1;
    static final byte FINISH_FINISH = 2;
    static final byte START_FINISH = 3;

    final ProjectNetwork network;
    final ProjectOptions options;
    final CompiledCalendar projectCalendar;
    final int count;
    final Task[] tasks;
    final int[] parent;
    final boolean[] active;
    final boolean[] summary;
    private final boolean[] alap;
    final boolean[] finished;
    final boolean[] started;
    private final boolean[] zeroDuration;
    private final boolean[] manual;
    /** Constraints on summary tasks, which Project applies to the tasks below them. */
    private final long[] summaryStartNoEarlierThan;

    private final long[] summaryFinishNoLaterThan;
    final int[] childFirst;
    final int[] children;

    private final CompiledCalendar[] calendarOf;
    final long[] duration;
    private final long[] remaining;
    private final boolean[] elapsed;
    private final long[] levelingDelay;
    private final boolean[] levelingDelayElapsed;
    /** Assignment legs: a task driven by its assignments ends when its slowest assignment ends. */
    private final int[] legFirst;

    private final CompiledCalendar[] legCalendar;
    private final long[] legDuration;
    private final long[] legRemaining;
    private final long[] legDelay;

    final int linkCount;
    final int[] linkPredecessor;
    final int[] linkSuccessor;
    final byte[] linkType;
    private final long[] lag;
    private final boolean[] lagElapsed;
    final int[] incomingFirst;
    final int[] incoming;
    final int[] outgoingFirst;
    final int[] outgoing;

    /** Nodes in dependency order: a task index, or count + k for the entry node of a summary. */
    final int[] order;

    /** The project start; for a project scheduled from its finish, the earliest late start once known. */
    long projectStart;

    private final long statusDate;
    final boolean fromFinish;
    long projectFinish;

    final long[] earlyStart;
    final long[] earlyFinish;
    private final long[] logicEarlyStart;
    private final long[] logicEarlyFinish;
    final long[] lateStart;
    final long[] lateFinish;
    private final long[] calculatedLateStart;
    private final long[] earliestLateStart;
    private final long[] earliestLateFinish;
    final long[] start;
    final long[] finish;
    final long[] startSlack;
    final long[] finishSlack;
    final long[] totalSlack;
    final long[] freeSlack;

    ScheduleRun(ProjectNetwork network) {
        this.network = network;
        this.options = network.options();
        List<Task> list = network.tasks();
        count = list.size();
        tasks = list.toArray(new Task[0]);
        Map<TaskId, Integer> index = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            if (index.put(tasks[i].id(), i) != null) {
                throw new ScheduleException(new ScheduleProblem.DuplicateTask(tasks[i].id()));
            }
        }
        projectStart = CompiledCalendar.toMinutes(network.projectStart());
        statusDate = network.statusDate() == null ? NONE : CompiledCalendar.toMinutes(network.statusDate());
        fromFinish = network.scheduledFromFinish();
        long hintDay = Math.floorDiv(projectStart, CompiledCalendar.MINUTES_PER_DAY);

        Map<CalendarId, WorkingCalendar> calendars = new HashMap<>();
        for (WorkingCalendar calendar : network.calendars()) {
            calendars.put(calendar.id(), calendar);
        }
        Map<CalendarId, CompiledCalendar> compiled = new HashMap<>();
        projectCalendar = compile(network.projectCalendar(), calendars, compiled, hintDay, "the project");

        parent = new int[count];
        active = new boolean[count];
        summary = new boolean[count];
        alap = new boolean[count];
        finished = new boolean[count];
        started = new boolean[count];
        zeroDuration = new boolean[count];
        manual = new boolean[count];
        summaryStartNoEarlierThan = new long[count];
        summaryFinishNoLaterThan = new long[count];
        calendarOf = new CompiledCalendar[count];
        duration = new long[count];
        remaining = new long[count];
        elapsed = new boolean[count];
        levelingDelay = new long[count];
        levelingDelayElapsed = new boolean[count];
        legFirst = new int[count + 1];
        int[] childCount = new int[count];
        List<CompiledCalendar> legCalendars = new ArrayList<>();
        List<long[]> legAmounts = new ArrayList<>();

        for (int i = 0; i < count; i++) {
            Task task = tasks[i];
            if (task.parent() == null) {
                parent[i] = -1;
            } else {
                Integer p = index.get(task.parent());
                if (p == null) {
                    throw new ScheduleException(
                            new ScheduleProblem.UnknownTask(task.parent(), "the parent of task " + task.id()));
                }
                parent[i] = p;
            }
        }
        for (int i = 0; i < count; i++) {
            active[i] = isActive(i);
            if (active[i] && parent[i] >= 0) {
                summary[parent[i]] = true;
                childCount[parent[i]]++;
            }
        }
        childFirst = new int[count + 1];
        for (int i = 0; i < count; i++) {
            childFirst[i + 1] = childFirst[i] + childCount[i];
        }
        children = new int[childFirst[count]];
        int[] fill = childFirst.clone();
        for (int i = 0; i < count; i++) {
            if (active[i] && parent[i] >= 0) {
                children[fill[parent[i]]++] = i;
            }
        }

        for (int i = 0; i < count; i++) {
            Task task = tasks[i];
            legFirst[i] = legCalendars.size();
            if (task.duration().value() < 0) {
                throw new ScheduleException(new ScheduleProblem.NegativeDuration(task.id(), task.duration()));
            }
            if (task.constraint().type().needsDate() && task.constraint().date() == null) {
                throw new ScheduleException(new ScheduleProblem.MissingConstraintDate(
                        task.id(), task.constraint().type()));
            }
            calendarOf[i] = task.calendar() == null
                    ? projectCalendar
                    : compile(task.calendar(), calendars, compiled, hintDay, "task " + task.id());
            alap[i] = task.constraint().type() == ConstraintType.AS_LATE_AS_POSSIBLE;
            manual[i] = task.manuallyScheduled() && task.manualStart() != null && task.manualFinish() != null;
            summaryStartNoEarlierThan[i] = NONE;
            summaryFinishNoLaterThan[i] = NONE;
            if (summary[i] && task.constraint().date() != null) {
                long date = CompiledCalendar.toMinutes(task.constraint().date());
                switch (task.constraint().type()) {
                    case START_NO_EARLIER_THAN -> summaryStartNoEarlierThan[i] = date;
                    case FINISH_NO_LATER_THAN -> summaryFinishNoLaterThan[i] = date;
                    default -> {}
                }
            }
            started[i] = task.progress().started();
            finished[i] = task.progress().finished();
            elapsed[i] = task.duration().unit().elapsed();
            duration[i] = task.duration().unit() == DurationUnit.PERCENT
                    ? 0
                    : task.duration().toMinutes(options);
            remaining[i] = remainingOf(task, duration[i]);
            zeroDuration[i] = duration[i] == 0;
            long split = task.splitTime().unit() == DurationUnit.PERCENT
                    ? 0
                    : task.splitTime().toMinutes(options);
            if (split > 0 && !zeroDuration[i]) {
                // The interruptions of a split task count as span, not work.
                duration[i] += split;
                remaining[i] += split;
            }
            if (task.levelingDelay().value() > 0 && task.levelingDelay().unit() != DurationUnit.PERCENT) {
                levelingDelay[i] = task.levelingDelay().toMinutes(options);
                levelingDelayElapsed[i] = task.levelingDelay().unit().elapsed();
            }
            // Microsoft Project schedules a task from its assignments' calendars and work unless the task is
            // fixed duration (then the task calendar rules) or has no work resources with units.
            if (task.type() != TaskType.FIXED_DURATION && !summary[i] && !elapsed[i]) {
                for (Assignment assignment : task.assignments()) {
                    if (assignment.units() <= 0 || assignment.calendar() == null) {
                        continue;
                    }
                    CompiledCalendar resourceCalendar = compile(
                            assignment.calendar(), calendars, compiled, hintDay, "an assignment of task " + task.id());
                    if (task.calendar() != null && !task.calendar().equals(assignment.calendar())) {
                        // A task with a calendar of its own is worked only when both its calendar and the
                        // resource's say work.
                        resourceCalendar = CalendarCache.intersection(
                                calendars.get(task.calendar()),
                                calendars.get(assignment.calendar()),
                                calendars,
                                hintDay);
                    }
                    legCalendars.add(resourceCalendar);
                    // Overtime is work done outside the calendar's working time: only regular work takes span.
                    long work = assignment.work().toMinutes(options)
                            - assignment.overtimeWork().toMinutes(options);
                    long left = assignment.remainingWork().toMinutes(options)
                            - assignment.remainingOvertimeWork().toMinutes(options);
                    long delay = assignment.delay().unit() == DurationUnit.PERCENT
                            ? 0
                            : assignment.delay().toMinutes(options);
                    double pace = assignment.units() * assignment.contour().averageShare();
                    legAmounts.add(new long[] {
                        Math.round(Math.max(0, work) / pace), Math.round(Math.max(0, left) / pace), Math.max(0, delay)
                    });
                }
            }
        }
        legFirst[count] = legCalendars.size();
        legCalendar = legCalendars.toArray(new CompiledCalendar[0]);
        legDuration = new long[legAmounts.size()];
        legRemaining = new long[legAmounts.size()];
        legDelay = new long[legAmounts.size()];
        for (int k = 0; k < legAmounts.size(); k++) {
            legDelay[k] = legAmounts.get(k)[2];
            legDuration[k] = legAmounts.get(k)[0];
            legRemaining[k] = legAmounts.get(k)[1];
        }

        List<Link> links = network.links();
        int[] predecessors = new int[links.size()];
        int[] successors = new int[links.size()];
        byte[] types = new byte[links.size()];
        long[] lags = new long[links.size()];
        boolean[] lagsElapsed = new boolean[links.size()];
        int kept = 0;
        for (Link link : links) {
            Integer p = index.get(link.predecessor());
            Integer s = index.get(link.successor());
            if (p == null) {
                throw new ScheduleException(
                        new ScheduleProblem.UnknownTask(link.predecessor(), "a link to " + link.successor()));
            }
            if (s == null) {
                throw new ScheduleException(
                        new ScheduleProblem.UnknownTask(link.successor(), "a link from " + link.predecessor()));
            }
            if (p.intValue() == s.intValue()) {
                throw new ScheduleException(new ScheduleProblem.LinkToItself(link.predecessor()));
            }
            // Links touching an inactive task do not drive anything.
            if (!active[p] || !active[s]) {
                continue;
            }
            predecessors[kept] = p;
            successors[kept] = s;
            types[kept] = switch (link.type()) {
                case FINISH_START -> FINISH_START;
                case START_START -> START_START;
                case FINISH_FINISH -> FINISH_FINISH;
                case START_FINISH -> START_FINISH;
            };
            WorkDuration lagDuration = link.lag();
            if (lagDuration.unit() == DurationUnit.PERCENT) {
                // A percentage lag is that share of the predecessor's duration, counted as working time.
                lags[kept] = Math.round(duration[p] * lagDuration.value() / 100.0);
            } else {
                lags[kept] = lagDuration.toMinutes(options);
                lagsElapsed[kept] = lagDuration.unit().elapsed();
            }
            kept++;
        }
        linkCount = kept;
        linkPredecessor = java.util.Arrays.copyOf(predecessors, kept);
        linkSuccessor = java.util.Arrays.copyOf(successors, kept);
        linkType = java.util.Arrays.copyOf(types, kept);
        lag = java.util.Arrays.copyOf(lags, kept);
        lagElapsed = java.util.Arrays.copyOf(lagsElapsed, kept);

        incomingFirst = new int[count + 1];
        outgoingFirst = new int[count + 1];
        for (int l = 0; l < linkCount; l++) {
            incomingFirst[linkSuccessor[l] + 1]++;
            outgoingFirst[linkPredecessor[l] + 1]++;
        }
        for (int i = 0; i < count; i++) {
            incomingFirst[i + 1] += incomingFirst[i];
            outgoingFirst[i + 1] += outgoingFirst[i];
        }
        incoming = new int[linkCount];
        outgoing = new int[linkCount];
        int[] inFill = java.util.Arrays.copyOf(incomingFirst, count);
        int[] outFill = java.util.Arrays.copyOf(outgoingFirst, count);
        for (int l = 0; l < linkCount; l++) {
            incoming[inFill[linkSuccessor[l]]++] = l;
            outgoing[outFill[linkPredecessor[l]]++] = l;
        }

        order = new DependencyOrder(this).sort();

        earlyStart = new long[count];
        earlyFinish = new long[count];
        logicEarlyStart = new long[count];
        logicEarlyFinish = new long[count];
        lateStart = new long[count];
        lateFinish = new long[count];
        calculatedLateStart = new long[count];
        earliestLateStart = new long[count];
        earliestLateFinish = new long[count];
        start = new long[count];
        finish = new long[count];
        startSlack = new long[count];
        finishSlack = new long[count];
        totalSlack = new long[count];
        freeSlack = new long[count];
        java.util.Arrays.fill(earlyStart, NONE);
        java.util.Arrays.fill(earlyFinish, NONE);
        java.util.Arrays.fill(lateStart, NONE);
        java.util.Arrays.fill(lateFinish, NONE);
        java.util.Arrays.fill(start, NONE);
        java.util.Arrays.fill(finish, NONE);
    }

    private boolean isActive(int i) {
        for (int t = i; t >= 0; t = parent[t]) {
            if (!tasks[t].active()) {
                return false;
            }
        }
        return true;
    }

    private long remainingOf(Task task, long full) {
        Progress progress = task.progress();
        if (progress.finished()) {
            return 0;
        }
        if (progress.remainingDuration() != null) {
            return progress.remainingDuration().toMinutes(options);
        }
        return Math.round(full * (100 - progress.percentComplete()) / 100.0);
    }

    private static CompiledCalendar compile(
            CalendarId id,
            Map<CalendarId, WorkingCalendar> calendars,
            Map<CalendarId, CompiledCalendar> compiled,
            long hintDay,
            String where) {
        CompiledCalendar found = compiled.get(id);
        if (found != null) {
            return found;
        }
        WorkingCalendar calendar = calendars.get(id);
        if (calendar == null) {
            throw new ScheduleException(new ScheduleProblem.UnknownCalendar(id, where));
        }
        CompiledCalendar result = CalendarCache.compiled(calendar, calendars, hintDay);
        compiled.put(id, result);
        return result;
    }

    // ----- graph access for DependencyOrder -----

    int taskCount() {
        return count;
    }

    boolean active(int i) {
        return active[i];
    }

    boolean summary(int i) {
        return summary[i];
    }

    int parent(int i) {
        return parent[i];
    }

    int childFirst(int i) {
        return childFirst[i];
    }

    int childEnd(int i) {
        return childFirst[i + 1];
    }

    int child(int k) {
        return children[k];
    }

    int linkCount() {
        return linkCount;
    }

    int linkPredecessor(int l) {
        return linkPredecessor[l];
    }

    int linkSuccessor(int l) {
        return linkSuccessor[l];
    }

    TaskId taskId(int i) {
        return tasks[i].id();
    }

    // ----- the passes -----

    void run() {
        boolean anyAlap = false;
        for (int node : order) {
            if (node < count) {
                forward(node, false);
                anyAlap |= alap[node] && active[node] && !summary[node];
            }
        }
        if (fromFinish) {
            scheduleBackFromFinish();
        } else {
            // The project finishes with its latest task, whatever the project start says: manually scheduled
            // tasks may lie wholly before it.
            projectFinish = NONE;
            for (int i = 0; i < count; i++) {
                if (active[i] && !summary[i] && earlyFinish[i] != NONE && earlyFinish[i] > projectFinish) {
                    projectFinish = earlyFinish[i];
                }
            }
            if (projectFinish == NONE) {
                projectFinish = projectStart;
            }
            backwardPass();
        }
        if (anyAlap) {
            // Successors of an as-late-as-possible task follow its late dates, so they move once the
            // backward pass has placed it (Microsoft Project recalculates the forward pass after it).
            for (int node : order) {
                if (node < count) {
                    forward(node, true);
                }
            }
        }
        for (int node : order) {
            if (node < count && active[node]) {
                if (summary[node]) {
                    rollUp(node);
                } else {
                    finishLeaf(node);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (active[i] && !summary[i]) {
                freeSlack[i] = freeSlackOf(i);
            }
        }
        for (int i = 0; i < count; i++) {
            if (active[i] && summary[i] && earlyStart[i] != NONE) {
                // A summary has no successors of its own in this sense: its free slack is its total slack,
                // never below zero.
                freeSlack[i] = Math.max(0, totalSlack[i]);
            }
        }
    }

    private void backwardPass() {
        for (int k = order.length - 1; k >= 0; k--) {
            backward(order[k]);
        }
    }

    /**
     * Microsoft Project's "Schedule from: Project Finish Date". The finish is fixed: the backward pass runs
     * from it first (every task without successors has it as late finish), the project start is the
     * earliest late start of any task, and the early dates come from a forward pass from that start. Tasks
     * then sit where their constraint says: as late as possible (Project's default in such a project) at
     * their late dates, as soon as possible at their early dates.
     *
     * <p>The first forward pass, from the start the network gives, has already placed tasks in progress and
     * completed tasks at their actual dates, which the backward pass needs.
     */
    private void scheduleBackFromFinish() {
        projectFinish = CompiledCalendar.toMinutes(network.projectFinish());
        backwardPass();
        long earliest = NONE;
        for (int i = 0; i < count; i++) {
            if (active[i] && !summary[i] && lateStart[i] != NONE) {
                earliest = minimum(earliest, lateStart[i]);
            }
        }
        if (earliest != NONE) {
            projectStart = earliest;
        }
        for (int node : order) {
            if (node < count) {
                forward(node, false);
            }
        }
        // Again now that the early dates are final: a link from a summary's start holds back only the child
        // that starts first, which the forward pass decides.
        backwardPass();
    }

    private void forward(int i, boolean secondPass) {
        if (!active[i]) {
            return;
        }
        if (summary[i]) {
            long first = NONE;
            long last = NONE;
            for (int k = childFirst[i]; k < childFirst[i + 1]; k++) {
                int c = children[k];
                long childStart = secondPass ? drivingStart(c) : earlyStart[c];
                long childFinish = secondPass ? drivingFinish(c) : earlyFinish[c];
                if (childStart != NONE && (first == NONE || childStart < first)) {
                    first = childStart;
                }
                if (childFinish != NONE && childFinish > last) {
                    last = childFinish;
                }
            }
            earlyStart[i] = first;
            earlyFinish[i] = last;
            return;
        }
        Task task = tasks[i];
        if (task.manuallyScheduled() && task.manualStart() != null && task.manualFinish() != null) {
            earlyStart[i] = CompiledCalendar.toMinutes(task.manualStart());
            earlyFinish[i] = CompiledCalendar.toMinutes(task.manualFinish());
            logicEarlyStart[i] = NONE;
            return;
        }
        Constraint constraint = task.constraint();
        ConstraintType type = constraint.type();
        long date = constraint.date() == null ? NONE : CompiledCalendar.toMinutes(constraint.date());
        if (started[i]) {
            long actualStart = CompiledCalendar.toMinutes(task.progress().actualStart());
            earlyStart[i] = actualStart;
            logicEarlyStart[i] = NONE;
            if (finished[i]) {
                earlyFinish[i] = CompiledCalendar.toMinutes(task.progress().actualFinish());
            } else {
                // Once work is under way Project keeps the task's duration, whatever overtime or
                // assignment changes went into the actual work: the finish is the duration after the
                // actual start, counted on the calendars of the resources doing the work.
                long end = spanAfter(i, actualStart, duration[i]);
                if (statusDate != NONE && options.remainingWorkAfterStatusDate()) {
                    // Work done so far ends where the actual duration ends; what remains resumes at the
                    // status date if that is later (the task is split there).
                    long doneUntil = spanAfter(i, actualStart, Math.max(0, duration[i] - remaining[i]));
                    if (statusDate > doneUntil && remaining[i] > 0) {
                        end = spanAfter(i, nextWorkStart(i, statusDate), remaining[i]);
                    }
                }
                if (type == ConstraintType.FINISH_NO_EARLIER_THAN && end < date) {
                    end = date;
                }
                earlyFinish[i] = end;
            }
            return;
        }
        long best = NONE;
        for (int a = i; a >= 0; a = parent[a]) {
            for (int k = incomingFirst[a]; k < incomingFirst[a + 1]; k++) {
                int l = incoming[k];
                long candidate = linkEarlyStart(l, i, secondPass);
                if (candidate != NONE && candidate > best) {
                    best = candidate;
                }
            }
            if (a != i && summaryStartNoEarlierThan[a] != NONE && summaryStartNoEarlierThan[a] > best) {
                // A start-no-earlier-than on a summary holds back every task below it.
                best = summaryStartNoEarlierThan[a];
            }
        }
        long finishDate = NONE;
        if (best == NONE) {
            // Without predecessors a task starts at the project start, unless a start-no-earlier or
            // finish-no-earlier constraint places it (even before the project start, as Project does).
            if (type == ConstraintType.START_NO_EARLIER_THAN) {
                best = date;
            } else if (type == ConstraintType.FINISH_NO_EARLIER_THAN) {
                best = subtractDuration(i, date, false);
            } else {
                best = nextWorkStart(i, projectStart);
            }
        }
        long begin = nextWorkStart(i, best);
        if (levelingDelay[i] != 0) {
            // Levelling delay counts from the earliest start the logic allows; Project stores it in
            // elapsed units, and the delayed start still has to be working time.
            begin = nextWorkStart(
                    i, levelingDelayElapsed[i] ? begin + levelingDelay[i] : calendarOf[i].add(begin, levelingDelay[i]));
        }
        long logicStart = begin;
        switch (type) {
            case START_NO_EARLIER_THAN -> begin = Math.max(begin, date);
            case FINISH_NO_LATER_THAN -> begin = Math.min(begin, subtractDuration(i, date, false));
            case FINISH_NO_EARLIER_THAN -> begin = Math.max(begin, subtractDuration(i, date, false));
            case START_NO_LATER_THAN -> begin = Math.min(begin, date);
            case MUST_START_ON -> begin = date;
            case MUST_FINISH_ON -> {
                finishDate = date;
                begin = subtractDuration(i, date, false);
            }
            default -> {}
        }
        if (!options.honorConstraintDates() && begin < logicStart) {
            // With "honor constraint dates" off, links win: the task keeps where its links put it and the
            // constraint only shows as negative slack.
            begin = logicStart;
            finishDate = NONE;
        }
        earlyStart[i] = begin;
        earlyFinish[i] = finishDate != NONE ? finishDate : addDuration(i, begin, false);
        // A constraint that holds a task earlier than its links allow (must start/finish on, start/finish
        // no later than) shows the constraint's dates, but Project measures slack from where the links
        // would put the task: that is where negative slack comes from.
        if (logicStart > begin) {
            logicEarlyStart[i] = logicStart;
            logicEarlyFinish[i] = addDuration(i, logicStart, false);
        } else {
            logicEarlyStart[i] = earlyStart[i];
            logicEarlyFinish[i] = earlyFinish[i];
        }
    }

    /** The start successors see: an ALAP task's late start once the backward pass has placed it. */
    private long drivingStart(int p) {
        return alap[p] && !summary[p] && lateStart[p] != NONE ? lateStart[p] : earlyStart[p];
    }

    private long drivingFinish(int p) {
        return alap[p] && !summary[p] && lateFinish[p] != NONE ? lateFinish[p] : earlyFinish[p];
    }

    private long linkEarlyStart(int l, int successor, boolean secondPass) {
        int p = linkPredecessor[l];
        boolean useLate = secondPass && !alap[successor];
        long predecessorStart = useLate ? drivingStart(p) : earlyStart[p];
        long predecessorFinish = useLate ? drivingFinish(p) : earlyFinish[p];
        if (predecessorStart == NONE) {
            return NONE;
        }
        switch (linkType[l]) {
            case FINISH_START:
                return addLag(l, successor, predecessorFinish);
            case START_START:
                return addLag(l, successor, predecessorStart);
            case FINISH_FINISH: {
                // Microsoft Project places the successor's remaining work to end at the predecessor's
                // finish, but never lets a finish-finish link pull a task before the project start.
                long begin = addLag(l, successor, subtractDuration(successor, predecessorFinish, true));
                return Math.max(begin, projectStart);
            }
            default:
                return addLag(l, successor, subtractDuration(successor, predecessorStart, false));
        }
    }

    private void backward(int node) {
        if (node >= count) {
            // Entry node of a summary, reached after all its descendants in reverse order: remember the
            // earliest late dates below it, which is what a link into the summary must respect.
            int s = node - count;
            long firstStart = LATEST;
            long firstFinish = LATEST;
            for (int k = childFirst[s]; k < childFirst[s + 1]; k++) {
                int c = children[k];
                long childStart = summary[c] ? earliestLateStart[c] : calculatedLateStart[c];
                long childFinish = summary[c] ? earliestLateFinish[c] : lateFinish[c];
                if (childStart != NONE) {
                    firstStart = Math.min(firstStart, childStart);
                }
                if (childFinish != NONE) {
                    firstFinish = Math.min(firstFinish, childFinish);
                }
            }
            earliestLateStart[s] = firstStart == LATEST ? NONE : firstStart;
            earliestLateFinish[s] = firstFinish == LATEST ? NONE : firstFinish;
            return;
        }
        if (!active[node] || summary[node]) {
            return;
        }
        int i = node;
        Task task = tasks[i];
        if (finished[i]) {
            lateFinish[i] = earlyFinish[i];
            lateStart[i] = earlyStart[i];
            calculatedLateStart[i] = earlyStart[i];
            return;
        }
        long best = LATEST;
        boolean any = false;
        for (int a = i; a >= 0; a = parent[a]) {
            for (int k = outgoingFirst[a]; k < outgoingFirst[a + 1]; k++) {
                int l = outgoing[k];
                int s = linkSuccessor[l];
                if (!summary[s] && finished[s]) {
                    continue; // a completed successor no longer constrains anything
                }
                if (started[i] && (linkType[l] == START_START || linkType[l] == START_FINISH)) {
                    continue; // a link from the start is met once the task has started
                }
                if (a != i
                        && (linkType[l] == START_START || linkType[l] == START_FINISH)
                        && earlyStart[i] != earlyStart[a]) {
                    // A summary's start is its earliest child's start: only that child is held back.
                    continue;
                }
                long candidate = linkLateFinish(l, i);
                if (candidate == NONE) {
                    continue;
                }
                any = true;
                best = Math.min(best, Math.min(candidate, projectFinish));
            }
        }
        long end;
        if (!any) {
            end = projectFinish;
        } else if (zeroDuration[i] && started[i]) {
            end = earlyStart[i];
        } else {
            end = best;
        }
        Constraint constraint = task.constraint();
        long date = constraint.date() == null ? NONE : CompiledCalendar.toMinutes(constraint.date());
        switch (constraint.type()) {
            case MUST_START_ON -> end = addDuration(i, date, false);
            case MUST_FINISH_ON -> end = date;
            case START_NO_LATER_THAN -> end = Math.min(end, addDuration(i, date, false));
            case FINISH_NO_LATER_THAN -> end = Math.min(end, date);
            // Scheduling back from the project finish, Project treats the no-earlier-than constraints as
            // the no-later-than ones going forward: they hold the late dates no earlier than the date.
            case START_NO_EARLIER_THAN -> end = fromFinish ? Math.max(end, addDuration(i, date, false)) : end;
            case FINISH_NO_EARLIER_THAN -> end = fromFinish ? Math.max(end, date) : end;
            default -> {}
        }
        if (task.deadline() != null) {
            end = Math.min(end, CompiledCalendar.toMinutes(task.deadline()));
        }
        for (int a = parent[i]; a >= 0; a = parent[a]) {
            if (summaryFinishNoLaterThan[a] != NONE) {
                // A finish-no-later-than on a summary bounds the late finish of every task below it.
                end = Math.min(end, summaryFinishNoLaterThan[a]);
            }
        }
        // A late finish at the start of a working period means the end of the previous one. Not for a
        // task in elapsed time: it runs through nights and weekends, so Project keeps its late finish
        // where the clock puts it (Monday 08:00 stays Monday 08:00).
        if (!elapsed[i]) {
            end = previousWorkFinish(i, end);
        }
        lateFinish[i] = end;
        boolean manual = task.manuallyScheduled() && task.manualStart() != null && task.manualFinish() != null;
        long begin = manual ? subtractDuration(i, end, false) : subtractDuration(i, end, true);
        calculatedLateStart[i] = begin;
        lateStart[i] = started[i] ? earlyStart[i] : begin;
    }

    private long linkLateFinish(int l, int predecessor) {
        int s = linkSuccessor[l];
        long successorStart = summary[s] ? earliestLateStart[s] : calculatedLateStart[s];
        long successorFinish = summary[s] ? earliestLateFinish[s] : lateFinish[s];
        if (successorStart == NONE) {
            return NONE;
        }
        if (manual[predecessor] && (linkType[l] == START_START || linkType[l] == START_FINISH)) {
            // A manually scheduled task does not move for its links; a link from its start holds it back
            // no further than its successor's own late finish (Project 2019).
            return successorFinish;
        }
        switch (linkType[l]) {
            case FINISH_START:
                return removeLag(l, s, successorStart);
            case START_START: {
                long begin = removeLag(l, s, nextWorkStart(predecessor, successorStart));
                return addDuration(predecessor, begin, false);
            }
            case FINISH_FINISH:
                return removeLag(l, s, successorFinish);
            default:
                return removeLag(l, s, addDuration(predecessor, successorFinish, false));
        }
    }

    private void finishLeaf(int i) {
        if (earlyStart[i] == NONE) {
            return;
        }
        Task task = tasks[i];
        if (started[i]) {
            start[i] = CompiledCalendar.toMinutes(task.progress().actualStart());
        } else {
            start[i] = alap[i] ? lateStart[i] : earlyStart[i];
        }
        if (finished[i]) {
            finish[i] = CompiledCalendar.toMinutes(task.progress().actualFinish());
        } else {
            finish[i] = alap[i] ? lateFinish[i] : earlyFinish[i];
        }
        CompiledCalendar calendar = calendarOf[i];
        if (alap[i] && !fromFinish) {
            // An as-late-as-possible task in a project scheduled from its start has used up its slack.
            // Scheduled from the finish, where every task is as late as possible by default, slack keeps
            // Project's definition (late dates against the early dates of the forward pass from the
            // calculated start), so tasks off the longest chain are not critical.
            startSlack[i] = 0;
            finishSlack[i] = 0;
        } else {
            boolean pulled = logicEarlyStart[i] != NONE;
            startSlack[i] = calendar.workBetween(pulled ? logicEarlyStart[i] : earlyStart[i], lateStart[i]);
            finishSlack[i] = calendar.workBetween(pulled ? logicEarlyFinish[i] : earlyFinish[i], lateFinish[i]);
        }
        totalSlack[i] = started[i] ? finishSlack[i] : Math.min(startSlack[i], finishSlack[i]);
    }

    private void rollUp(int s) {
        long first = NONE;
        long last = NONE;
        long firstEarly = NONE;
        long lastEarly = NONE;
        long firstLate = NONE;
        long lastLate = NONE;
        for (int k = childFirst[s]; k < childFirst[s + 1]; k++) {
            int c = children[k];
            if (start[c] == NONE) {
                continue;
            }
            first = minimum(first, start[c]);
            last = Math.max(last, finish[c]);
            // An ALAP child shows its late dates in the summary's early dates, as Project rolls up what
            // the child will actually do. Not in a project scheduled from its finish, where ALAP is the
            // default and children keep early dates of their own (their slack is measured from them).
            boolean late = alap[c] && !summary[c] && !fromFinish;
            firstEarly = minimum(firstEarly, late ? lateStart[c] : earlyStart[c]);
            lastEarly = Math.max(lastEarly, late ? lateFinish[c] : earlyFinish[c]);
            firstLate = minimum(firstLate, lateStart[c]);
            lastLate = Math.max(lastLate, lateFinish[c]);
        }
        start[s] = first;
        finish[s] = last;
        earlyStart[s] = firstEarly;
        earlyFinish[s] = lastEarly;
        lateStart[s] = firstLate;
        lateFinish[s] = lastLate;
        if (first == NONE) {
            return;
        }
        CompiledCalendar calendar = calendarOf[s];
        startSlack[s] = calendar.workBetween(firstEarly, firstLate);
        finishSlack[s] = calendar.workBetween(lastEarly, lastLate);
        totalSlack[s] = Math.min(startSlack[s], finishSlack[s]);
    }

    private static long minimum(long current, long value) {
        return current == NONE || value < current ? value : current;
    }

    private long freeSlackOf(int i) {
        if (finished[i] || earlyStart[i] == NONE) {
            return 0;
        }
        long best = LATEST;
        CompiledCalendar calendar = calendarOf[i];
        // Scheduled from the finish, free slack is measured like total slack, between early dates (the
        // as-late-as-possible placement is the default there, not a choice that uses up slack).
        boolean early = fromFinish;
        for (int k = outgoingFirst[i]; k < outgoingFirst[i + 1]; k++) {
            int l = outgoing[k];
            int s = linkSuccessor[l];
            if (finished[s] || earlyStart[s] == NONE) {
                continue;
            }
            long predecessorDate;
            long successorDate;
            switch (linkType[l]) {
                case FINISH_START -> {
                    predecessorDate = early ? earlyFinish[i] : drivingFinish(i);
                    successorDate = early ? earlyStart[s] : drivingStart(s);
                }
                case START_START -> {
                    predecessorDate = early ? earlyStart[i] : drivingStart(i);
                    successorDate = early ? earlyStart[s] : drivingStart(s);
                }
                case FINISH_FINISH -> {
                    predecessorDate = early ? earlyFinish[i] : drivingFinish(i);
                    successorDate = early ? earlyFinish[s] : drivingFinish(s);
                }
                default -> {
                    predecessorDate = early ? earlyStart[i] : drivingStart(i);
                    successorDate = early ? earlyFinish[s] : drivingFinish(s);
                }
            }
            long gap = lagElapsed[l]
                    ? calendar.workBetween(predecessorDate, successorDate - lag[l])
                    : calendar.workBetween(predecessorDate, successorDate) - lag[l];
            best = Math.min(best, gap);
        }
        // Free slack never exceeds total slack: a task cannot slip further without delaying its successor
        // than it can without delaying the project or breaking a constraint.
        best = Math.min(best, totalSlack[i]);
        return Math.max(0, best);
    }

    // ----- date arithmetic on a task's calendars -----

    long addLag(int l, int successor, long date) {
        long minutes = lag[l];
        if (minutes == 0) {
            return date;
        }
        if (lagElapsed[l]) {
            return date + minutes;
        }
        // Microsoft Project counts a lag in working time on the successor's calendar.
        return calendarOf[successor].add(date, minutes);
    }

    private long removeLag(int l, int successor, long date) {
        long minutes = lag[l];
        if (minutes == 0) {
            return date;
        }
        if (lagElapsed[l]) {
            return date - minutes;
        }
        return calendarOf[successor].add(date, -minutes);
    }

    /** {@code amount} of working time after {@code from} on each assignment's calendar (or the task's). */
    private long spanAfter(int i, long from, long amount) {
        if (elapsed[i]) {
            return from + amount;
        }
        if (!hasLegs(i)) {
            return calendarOf[i].add(from, amount);
        }
        long latest = NONE;
        for (int k = legFirst[i]; k < legFirst[i + 1]; k++) {
            latest = Math.max(latest, legCalendar[k].add(from, amount));
        }
        return latest;
    }

    private boolean hasLegs(int i) {
        return legFirst[i + 1] > legFirst[i];
    }

    private long addDuration(int i, long from, boolean remainingOnly) {
        long amount = remainingOnly ? remaining[i] : duration[i];
        if (elapsed[i]) {
            return from + amount;
        }
        if (hasLegs(i)) {
            long latest = NONE;
            for (int k = legFirst[i]; k < legFirst[i + 1]; k++) {
                long legAmount = remainingOnly ? legRemaining[k] : legDuration[k];
                CompiledCalendar calendar = legCalendar[k];
                long legStart = legDelay[k] == 0 ? from : calendar.add(calendar.nextWorkStart(from), legDelay[k]);
                latest = Math.max(latest, calendar.add(legStart, legAmount));
            }
            return latest;
        }
        return calendarOf[i].add(from, amount);
    }

    private long subtractDuration(int i, long from, boolean remainingOnly) {
        long amount = remainingOnly ? remaining[i] : duration[i];
        if (elapsed[i]) {
            return from - amount;
        }
        if (hasLegs(i)) {
            long earliest = LATEST;
            for (int k = legFirst[i]; k < legFirst[i + 1]; k++) {
                long legAmount = remainingOnly ? legRemaining[k] : legDuration[k];
                CompiledCalendar calendar = legCalendar[k];
                earliest = Math.min(earliest, calendar.add(calendar.add(from, -legAmount), -legDelay[k]));
            }
            return earliest;
        }
        return calendarOf[i].add(from, -amount);
    }

    /**
     * Moves a start to the next working time. A milestone is the exception: it may sit at the end of a
     * working period (a milestone after a task finishing at 17:00 is at 17:00, not 08:00 next day).
     */
    private long nextWorkStart(int i, long from) {
        if (zeroDuration[i] || tasks[i].milestone()) {
            CompiledCalendar calendar = calendarOf[i];
            long next = calendar.nextWorkStart(from);
            if (next > from && calendar.previousWorkFinish(from) == from) {
                return from;
            }
            return next;
        }
        if (hasLegs(i)) {
            long earliest = LATEST;
            for (int k = legFirst[i]; k < legFirst[i + 1]; k++) {
                earliest = Math.min(earliest, legCalendar[k].nextWorkStart(from));
            }
            return earliest;
        }
        return calendarOf[i].nextWorkStart(from);
    }

    private long previousWorkFinish(int i, long from) {
        if (hasLegs(i)) {
            long latest = NONE;
            for (int k = legFirst[i]; k < legFirst[i + 1]; k++) {
                latest = Math.max(latest, legCalendar[k].previousWorkFinish(from));
            }
            return latest;
        }
        return calendarOf[i].previousWorkFinish(from);
    }

    // ----- results -----

    /** The run's dates, slack and critical paths as the engine's result values, after {@link #run()}. */
    Schedule result() {
        return ScheduleResult.of(this);
    }
}
