package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.levelling.LevellableTask;
import org.gantry.engine.levelling.LevellingOrder;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.schedule.NetworkMemory.Network;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource levelling in the server, for owners and managers: a preview computed by the engine and stored
 * nowhere; an apply that stores the levelling delays (as Microsoft Project stores them, so every later
 * reschedule keeps the plan levelled and export carries them) and reschedules; a clear; and an undo of an
 * apply or clear while the plan is still as that left it.
 *
 * <p>The engine's levelling works on whole numbers on one calendar. Here that is working minutes of the
 * project calendar from the earliest start: the tasks' unlevelled dates (the project scheduled with the
 * levelled tasks' delays taken out) give each task's start, duration and total slack; links of every type
 * become finish-to-start links with a lag (the durations are fixed while levelling), links on summary
 * tasks links of their leaf tasks. The delays found are turned back into elapsed minutes from the start
 * the links allow, and the project is scheduled with them to give the dates the preview shows: the same
 * engine run as the reschedule that follows an apply.
 *
 * <p>This class checks the request and the caller's role and orchestrates; {@link LevellingModel} reads the
 * network and levels it, {@link LevellingPreviews} words the result and {@link LevellingRuns} stores delays
 * and runs.
 */
@Service
public class LevellingService {

    private static final Set<String> MODES = Set.of("STANDARD", "OPTIMISING");
    private static final int MAX_TASK_IDS = 20_000;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectScheduler scheduler;
    private final LevellingRuns runs;
    private final JsonMapper json = JsonMapper.shared();

    LevellingService(JdbcClient jdbc, ProjectService projects, ProjectScheduler scheduler, LevellingRuns runs) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scheduler = scheduler;
        this.runs = runs;
    }

    /** The options as asked, checked (400 naming each bad field). */
    record Options(
            String mode, LevellingOrder order, boolean withinSlack, boolean adjustAssignments, List<Long> taskIds) {

        static Options of(LevellingRequest request, InvalidInput.Collector problems) {
            String mode =
                    request.mode() == null ? "STANDARD" : request.mode().strip().toUpperCase(Locale.ROOT);
            if (!MODES.contains(mode)) {
                problems.add("mode", "must be STANDARD or OPTIMISING");
            }
            LevellingOrder order = LevellingOrder.STANDARD;
            if (request.order() != null) {
                try {
                    order = LevellingOrder.valueOf(request.order().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("order", "must be ID_ONLY, STANDARD or PRIORITY_THEN_STANDARD");
                }
            }
            return new Options(
                    mode,
                    order,
                    Boolean.TRUE.equals(request.withinSlack()),
                    Boolean.TRUE.equals(request.adjustAssignments()),
                    checkedTaskIds(request.taskIds(), problems));
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("mode", mode);
            map.put("order", order.name());
            map.put("withinSlack", withinSlack);
            map.put("adjustAssignments", adjustAssignments);
            map.put("taskIds", taskIds);
            return map;
        }
    }

    private static List<Long> checkedTaskIds(List<Long> ids, InvalidInput.Collector problems) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_TASK_IDS) {
            problems.add("taskIds", "can name at most " + MAX_TASK_IDS + " tasks");
            return List.of();
        }
        if (ids.stream().anyMatch(id -> id == null)) {
            problems.add("taskIds", "must not contain null");
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    // ----- the API's operations -----

    @Transactional(readOnly = true)
    public LevellingState state(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return runs.state(access);
    }

    @Transactional(readOnly = true)
    public LevellingPreview preview(CurrentUser user, String projectRef, LevellingRequest request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        Options options = Options.of(request, problems);
        problems.throwIfAny();
        return plan(access, options, false, true).preview;
    }

    /** Levels as previewed: stores the delays, reschedules, records the run for undo. */
    @Transactional
    public LevellingApplied apply(CurrentUser user, String projectRef, LevellingRequest request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        Options options = Options.of(request, problems);
        requireVersion(request.version(), problems);
        problems.throwIfAny();
        checkVersion(access, request.version());
        Plan plan = plan(access, options, false, false);
        return runs.store(user, access, "LEVEL", options.asMap(), plan);
    }

    /** Removes the levelling delays of the given tasks (or all), reschedules, records the run for undo. */
    @Transactional
    public LevellingApplied clear(CurrentUser user, String projectRef, LevellingClear request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        List<Long> ids = checkedTaskIds(request.taskIds(), problems);
        requireVersion(request.version(), problems);
        problems.throwIfAny();
        checkVersion(access, request.version());
        Options options = new Options("CLEAR", LevellingOrder.STANDARD, false, false, ids);
        Plan plan = plan(access, options, true, false);
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("taskIds", ids);
        return runs.store(user, access, "CLEAR", asked, plan);
    }

    /**
     * Puts back the delays the tasks had before run {@code runId}, while nothing the schedule is computed
     * from changed since (409 otherwise, or when it was undone already).
     */
    @Transactional
    public LevellingState undo(CurrentUser user, String projectRef, long runId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        Object[] run = jdbc.sql("""
                select previous::text, schedule_version, undone_at from levelling_run
                where id = ? and project_id = ?
                """)
                .params(runId, access.projectId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getTimestamp(3)})
                .optional()
                .orElseThrow(
                        () -> new NotFound("There is no levelling " + runId + " in project " + access.key() + "."));
        if (run[2] != null) {
            throw new Conflict(
                    "Already undone",
                    "Levelling " + runId + " was undone already.",
                    Map.of("current", runs.state(access)));
        }
        if ((Long) run[1] != scheduler.scheduleVersionOf(access.projectId())) {
            throw new Conflict(
                    "Plan changed since",
                    "The plan of project " + access.key() + " changed since levelling " + runId
                            + " was applied; undoing it now could undo that change. Level again or clear"
                            + " levelling instead.",
                    Map.of("current", runs.state(access)));
        }
        List<Long> ids = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        List<Boolean> elapsed = new ArrayList<>();
        List<Long> withAssignments = new ArrayList<>();
        Map<Long, Map<Long, Long>> assignmentDelays = new HashMap<>();
        for (var entry : json.readTree((String) run[0])) {
            long id = entry.get(0).asLong();
            ids.add(id);
            minutes.add(entry.get(1).asLong());
            elapsed.add(entry.get(2).asBoolean());
            // Runs stored before assignments could be levelled hold three values: their assignments stay.
            if (entry.size() > 3) {
                withAssignments.add(id);
                Map<Long, Long> byResource = new HashMap<>();
                for (var field : entry.get(3).properties()) {
                    byResource.put(
                            Long.parseLong(field.getKey()), field.getValue().asLong());
                }
                assignmentDelays.put(id, byResource);
            }
        }
        runs.writeDelays(access.projectId(), ids, minutes, elapsed);
        runs.writeAssignmentDelays(access.projectId(), withAssignments, assignmentDelays);
        Rescheduled outcome = scheduler.reschedule(access.projectId());
        RescheduleOnChange.remember(outcome);
        jdbc.sql("update levelling_run set undone_at = now(), version = version + 1 where id = ?")
                .param(runId)
                .update();
        return runs.state(access);
    }

    @Transactional(readOnly = true)
    public TaskLevelling task(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return runs.readTask(access, taskId);
    }

    /** Sets the task's priority on Project's scale; its priority level follows (so lists and boards agree). */
    @Transactional
    public TaskLevelling changeTask(CurrentUser user, String projectRef, long taskId, TaskLevellingChange change) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        TaskLevelling current = runs.readTask(access, taskId);
        var problems = new InvalidInput.Collector();
        if (change.priority() == null) {
            problems.add("priority", "is required: a number from 0 to 1000 (1000 = do not level)");
        } else if (change.priority() < 0 || change.priority() > LevellableTask.DO_NOT_LEVEL) {
            problems.add("priority", "must be from 0 to 1000 (1000 = do not level)");
        }
        if (change.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update task set source_priority = ?, priority = ?, updated_at = now(),
                version = version + 1 where id = ? and project_id = ? and version = ?
                """)
                .params(
                        change.priority(),
                        LevellingPriority.level(change.priority()),
                        taskId,
                        access.projectId(),
                        change.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Task " + taskId, current);
        }
        return runs.readTask(access, taskId);
    }

    private static void requireVersion(Long version, InvalidInput.Collector problems) {
        if (version == null) {
            problems.add("version", "is required: send the version the preview showed");
        }
    }

    private void checkVersion(ProjectAccess access, long version) {
        if (scheduler.scheduleVersionOf(access.projectId()) != version) {
            throw new StaleVersion("The plan of project " + access.key(), runs.state(access));
        }
    }

    // ----- computing -----

    /** A levelling computed in memory: the preview, and per task in scope its new and previous delay. */
    record Plan(
            LevellingPreview preview,
            Map<Long, Long> delays,
            Map<Long, Map<Long, Long>> assignmentDelays,
            Map<Long, long[]> previous) {}

    private Plan plan(ProjectAccess access, Options options, boolean clear, boolean compare) {
        long began = System.nanoTime();
        long projectId = access.projectId();
        long version = scheduler.scheduleVersionOf(projectId);
        Network network = scheduler.levellingNetwork(projectId);
        LevellingModel model = new LevellingModel(network, jdbc, projectId, access.key(), options.taskIds());
        Map<Long, Long> delays;
        LevellingModel.Outcome chosen;
        LocalDateTime standardFinish = null;
        LocalDateTime optimisingFinish = null;
        if (model.rows.size() == 0) {
            chosen = null;
            delays = Map.of();
        } else if (clear) {
            delays = new HashMap<>();
            for (long id : model.scope) {
                delays.put(id, 0L);
            }
            chosen = new LevellingModel.Outcome(delays, Map.of(), model.unlevelled, Map.of(), List.of(), Set.of());
        } else {
            // The preview shows both modes' finishes side by side; an apply computes only the chosen one.
            boolean optimisingMode = options.mode().equals("OPTIMISING");
            LevellingModel.Outcome standard = compare || !optimisingMode
                    ? model.level(options.order(), options.withinSlack(), false, options.adjustAssignments())
                    : null;
            LevellingModel.Outcome optimising =
                    compare || optimisingMode ? model.level(options.order(), false, true, false) : null;
            standardFinish = standard == null ? null : LevellingModel.finish(model, standard.after());
            optimisingFinish = optimising == null ? null : LevellingModel.finish(model, optimising.after());
            chosen = optimisingMode ? optimising : standard;
            delays = chosen.delays();
        }
        Map<Long, long[]> previous = new HashMap<>();
        for (long id : delays.keySet()) {
            int i = model.rows.indexOf(id);
            previous.put(
                    id, new long[] {model.rows.levellingDelay.get(i), model.rows.levellingDelayElapsed.get(i) ? 1 : 0});
        }
        LevellingPreview preview = new LevellingPreviews(model, access.minutesPerDay())
                .preview(options, version, chosen, standardFinish, optimisingFinish, began);
        return new Plan(preview, delays, chosen == null ? Map.of() : chosen.assignmentDelays(), previous);
    }
}
