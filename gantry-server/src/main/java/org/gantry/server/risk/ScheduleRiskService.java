package org.gantry.server.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.SimulationNetwork;
import org.gantry.engine.TaskId;
import org.gantry.engine.risk.CorrelatedTasks;
import org.gantry.engine.risk.Distribution;
import org.gantry.engine.risk.DurationEstimate;
import org.gantry.engine.risk.RiskEvent;
import org.gantry.engine.risk.ScheduleRiskAnalysis;
import org.gantry.engine.risk.ScheduleRiskResult;
import org.gantry.engine.risk.SimulationProgress;
import org.gantry.engine.risk.SimulationSettings;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.schedule.ProjectScheduler;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.PlanDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the engine's Monte Carlo schedule risk analysis on a project's plan as it is stored, with the open
 * risks' quantified delays. Reading only: it changes nothing, so everyone who can see the project may ask
 * (stakeholders ask "how sure are you of this date?" most). Work is bounded: tasks x iterations at most
 * 20 million, about a second of one core.
 */
@Service
public class ScheduleRiskService {
    static final int MINIMUM_ITERATIONS = 100;
    static final int MAXIMUM_ITERATIONS = 100_000;
    static final long MAXIMUM_WORK = 20_000_000L;
    private static final int TORNADO = 20;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectScheduler scheduler;
    private final RiskService risks;
    private final TransactionTemplate readOnly;

    ScheduleRiskService(
            JdbcClient jdbc,
            ProjectService projects,
            ProjectScheduler scheduler,
            RiskService risks,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.projects = projects;
        this.scheduler = scheduler;
        this.risks = risks;
    }

    @Transactional(readOnly = true)
    public ScheduleRiskReport run(CurrentUser user, String projectRef, ScheduleRiskRequest request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return compute(prepare(access, request), SimulationProgress.NONE);
    }

    /**
     * Checks a request against the plan as it stands (400 naming the fields, 409 when the plan cannot be
     * simulated) and answers it with every default filled in, as a stored run keeps it.
     */
    @Transactional(readOnly = true)
    ScheduleRiskRequest check(ProjectAccess access, ScheduleRiskRequest request) {
        Prepared prepared = prepare(access, request);
        ScheduleRiskRequest body = prepared.body();
        SimulationSettings settings = prepared.settings();
        return new ScheduleRiskRequest(
                settings.iterations(),
                settings.seed(),
                settings.defaultDistribution().name(),
                body.optimisticPercent() == null
                        ? BigDecimal.valueOf(settings.defaultOptimisticShare() * 100)
                        : body.optimisticPercent(),
                body.pessimisticPercent() == null
                        ? BigDecimal.valueOf(settings.defaultPessimisticShare() * 100)
                        : body.pessimisticPercent(),
                body.deadline(),
                body.includeRisks() == null || body.includeRisks(),
                body.estimates() == null ? List.of() : body.estimates(),
                body.correlations() == null ? List.of() : body.correlations());
    }

    /**
     * Runs a stored request in the background: the plan is read in one read-only transaction, the engine
     * runs outside any (it may take seconds, and {@code progress} writes the run's progress).
     */
    ScheduleRiskReport runInBackground(ProjectAccess access, ScheduleRiskRequest request, SimulationProgress progress) {
        Prepared prepared = readOnly.execute(status -> prepare(access, request));
        return compute(prepared, progress);
    }

    /** A checked request with what the engine needs. */
    private record Prepared(
            ProjectAccess access,
            ScheduleRiskRequest body,
            SimulationNetwork simulation,
            List<DurationEstimate> estimates,
            List<RiskEvent> events,
            List<CorrelatedTasks> groups,
            SimulationSettings settings,
            Map<String, Risk> riskById,
            double minutesPerDay,
            long began) {}

    private Prepared prepare(ProjectAccess access, ScheduleRiskRequest request) {
        ScheduleRiskRequest body = request == null
                ? new ScheduleRiskRequest(null, null, null, null, null, null, null, null, null)
                : request;
        InvalidInput.Collector problems = new InvalidInput.Collector();
        int iterations = body.iterations() == null ? 10_000 : body.iterations();
        if (iterations < MINIMUM_ITERATIONS || iterations > MAXIMUM_ITERATIONS) {
            problems.add("iterations", "must be between " + MINIMUM_ITERATIONS + " and " + MAXIMUM_ITERATIONS);
        }
        long seed = body.seed() == null ? 1 : body.seed();
        Distribution distribution =
                distribution("distribution", body.distribution(), Distribution.TRIANGULAR, problems);
        double optimistic = percent("optimisticPercent", body.optimisticPercent(), 90, 0, 100, problems);
        double pessimistic = percent("pessimisticPercent", body.pessimisticPercent(), 130, 100, 10_000, problems);
        PlanDates.check("deadline", body.deadline(), problems);
        List<ScheduleRiskRequest.Estimate> estimates = body.estimates() == null ? List.of() : body.estimates();
        problems.throwIfAny();

        long began = System.nanoTime();
        ProjectNetwork network = scheduler.network(access.projectId());
        if (network == null) {
            throw new Conflict("No tasks", "Project " + access.key() + " has no tasks to simulate yet.");
        }
        SimulationNetwork simulation;
        try {
            simulation = SimulationNetwork.of(network);
        } catch (ScheduleException e) {
            throw new Conflict(
                    "Plan cannot be scheduled",
                    "The plan of project " + access.key() + " cannot be scheduled as it stands (" + e.getMessage()
                            + "); fix it and run again.");
        }
        if ((long) simulation.size() * iterations > MAXIMUM_WORK) {
            throw new InvalidInput(
                    "iterations",
                    "must be at most " + MAXIMUM_WORK / Math.max(1, simulation.size()) + " for a plan of "
                            + simulation.size() + " tasks");
        }
        double minutesPerDay = network.options().minutesPerDay();
        List<DurationEstimate> engineEstimates = new ArrayList<>();
        Set<Long> estimated = new HashSet<>();
        for (int i = 0; i < estimates.size(); i++) {
            ScheduleRiskRequest.Estimate estimate = estimates.get(i);
            String field = "estimates[" + i + "]";
            if (estimate == null || estimate.taskId() == null) {
                problems.add(field + ".taskId", "is required");
                continue;
            }
            if (simulation.position(TaskId.of(estimate.taskId())) < 0) {
                problems.add(
                        field + ".taskId", "must be a task (not a summary, not inactive) of project " + access.key());
                continue;
            }
            if (!estimated.add(estimate.taskId())) {
                problems.add(field + ".taskId", "is estimated twice");
                continue;
            }
            Double low = days(field + ".optimisticDays", estimate.optimisticDays(), problems);
            Double likely = days(field + ".mostLikelyDays", estimate.mostLikelyDays(), problems);
            Double high = days(field + ".pessimisticDays", estimate.pessimisticDays(), problems);
            Distribution shape = distribution(field + ".distribution", estimate.distribution(), distribution, problems);
            if (low == null || likely == null || high == null) {
                continue;
            }
            if (!(low <= likely && likely <= high)) {
                problems.add(field, "must have optimisticDays <= mostLikelyDays <= pessimisticDays");
                continue;
            }
            engineEstimates.add(new DurationEstimate(
                    TaskId.of(estimate.taskId()),
                    low * minutesPerDay,
                    likely * minutesPerDay,
                    high * minutesPerDay,
                    shape));
        }
        List<CorrelatedTasks> groups = new ArrayList<>();
        List<ScheduleRiskRequest.Correlation> correlations =
                body.correlations() == null ? List.of() : body.correlations();
        Set<Long> correlated = new HashSet<>();
        for (int i = 0; i < correlations.size(); i++) {
            ScheduleRiskRequest.Correlation correlation = correlations.get(i);
            String field = "correlations[" + i + "]";
            if (correlation == null
                    || correlation.taskIds() == null
                    || correlation.taskIds().size() < 2) {
                problems.add(field + ".taskIds", "must name at least two tasks");
                continue;
            }
            if (correlation.coefficient() == null
                    || correlation.coefficient().signum() < 0
                    || correlation.coefficient().compareTo(BigDecimal.ONE) > 0) {
                problems.add(field + ".coefficient", "must be between 0 and 1");
                continue;
            }
            List<TaskId> members = new ArrayList<>();
            for (Long taskId : correlation.taskIds()) {
                if (taskId == null || simulation.position(TaskId.of(taskId)) < 0) {
                    problems.add(
                            field + ".taskIds",
                            "must all be tasks (not summaries, not inactive) of project " + access.key());
                    break;
                }
                if (!correlated.add(taskId)) {
                    problems.add(field + ".taskIds", "names task " + taskId + ", which is in another group already");
                    break;
                }
                members.add(TaskId.of(taskId));
            }
            groups.add(new CorrelatedTasks(members, correlation.coefficient().doubleValue()));
        }
        problems.throwIfAny();

        List<RiskEvent> events = new ArrayList<>();
        Map<String, Risk> riskById = new HashMap<>();
        if (body.includeRisks() == null || body.includeRisks()) {
            for (Risk risk : risks.quantified(access)) {
                if (simulation.position(TaskId.of(risk.delayTaskId())) < 0) {
                    continue; // the task became a summary or inactive since: it has no duration of its own
                }
                double minutes = risk.delayDays().doubleValue() * minutesPerDay;
                events.add(new RiskEvent(
                        String.valueOf(risk.id()),
                        TaskId.of(risk.delayTaskId()),
                        risk.delayChancePercent() / 100.0,
                        "OPPORTUNITY".equals(risk.kind()) ? -minutes : minutes));
                riskById.put(String.valueOf(risk.id()), risk);
            }
        }
        SimulationSettings settings = new SimulationSettings(
                iterations,
                seed,
                distribution,
                optimistic / 100,
                pessimistic / 100,
                body.deadline() == null ? null : body.deadline().plusDays(1).atStartOfDay());
        return new Prepared(
                access,
                body,
                simulation,
                List.copyOf(engineEstimates),
                List.copyOf(events),
                List.copyOf(groups),
                settings,
                Map.copyOf(riskById),
                minutesPerDay,
                began);
    }

    private ScheduleRiskReport compute(Prepared prepared, SimulationProgress progress) {
        ScheduleRiskResult result;
        try {
            result = ScheduleRiskAnalysis.run(
                    prepared.simulation(),
                    prepared.estimates(),
                    prepared.events(),
                    prepared.groups(),
                    prepared.settings(),
                    progress);
        } catch (ScheduleException e) {
            // A run reached beyond the dates a calendar can hold (centuries of work): the spread is the problem.
            ScheduleRiskRequest body = prepared.body();
            throw new InvalidInput(
                    body.estimates() == null || body.estimates().isEmpty() ? "pessimisticPercent" : "estimates",
                    "makes runs finish beyond the dates a plan may hold; give a narrower spread");
        }
        return report(
                prepared.access(),
                prepared.body(),
                result,
                prepared.settings(),
                prepared.estimates().size(),
                prepared.riskById(),
                prepared.minutesPerDay(),
                prepared.began());
    }

    private ScheduleRiskReport report(
            ProjectAccess access,
            ScheduleRiskRequest body,
            ScheduleRiskResult result,
            SimulationSettings settings,
            int estimates,
            Map<String, Risk> riskById,
            double minutesPerDay,
            long began) {
        Map<Long, String[]> tasks = new HashMap<>();
        jdbc.sql("select id, array_to_string(outline_path, '.'), name from task where project_id = :project")
                .param("project", access.projectId())
                .query(rs -> {
                    tasks.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        LocalDateTime baselineFinish = scheduler.baselineFinish(access.projectId(), 0);
        List<ScheduleRiskReport.TaskCriticality> criticality = new ArrayList<>();
        for (ScheduleRiskResult.TaskCriticality entry : result.criticality()) {
            long id = Long.parseLong(entry.task().value());
            String[] task = tasks.getOrDefault(id, new String[] {"", "task " + id});
            criticality.add(new ScheduleRiskReport.TaskCriticality(id, task[0], task[1], entry.criticalityIndex()));
        }
        criticality.sort(Comparator.comparingDouble(ScheduleRiskReport.TaskCriticality::criticalityIndex)
                .reversed()
                .thenComparing(ScheduleRiskReport.TaskCriticality::wbs, ScheduleRiskService::compareWbs));
        List<ScheduleRiskReport.Driver> tornado = new ArrayList<>();
        for (ScheduleRiskResult.SensitivityDriver driver : result.sensitivity()) {
            if (tornado.size() == TORNADO) {
                break;
            }
            if (driver.task() != null) {
                long id = Long.parseLong(driver.task().value());
                String[] task = tasks.getOrDefault(id, new String[] {"", "task " + id});
                tornado.add(new ScheduleRiskReport.Driver(id, null, task[1], driver.rankCorrelation()));
            } else {
                Risk risk = riskById.get(driver.risk());
                tornado.add(new ScheduleRiskReport.Driver(null, risk.id(), risk.title(), driver.rankCorrelation()));
            }
        }
        return new ScheduleRiskReport(
                result.iterations(),
                result.seed(),
                settings.defaultDistribution().name(),
                settings.defaultOptimisticShare() * 100,
                settings.defaultPessimisticShare() * 100,
                estimates,
                riskById.size(),
                result.scheduledFinish(),
                result.probabilityOfScheduledFinish(),
                result.p10(),
                result.p50(),
                result.p80(),
                result.p90(),
                result.meanMinutes() / minutesPerDay,
                result.standardDeviationMinutes() / minutesPerDay,
                body.deadline(),
                result.deadlineProbability(),
                baselineFinish,
                baselineFinish == null ? null : shareFinishingBy(result, baselineFinish.toLocalDate()),
                result.finishDays().stream()
                        .map(day -> new ScheduleRiskReport.FinishDay(
                                day.date(), day.runs(), day.probability(), day.cumulativeProbability()))
                        .toList(),
                criticality,
                tornado,
                result.milestones().stream()
                        .map(milestone -> {
                            long id = Long.parseLong(milestone.task().value());
                            String[] task = tasks.getOrDefault(id, new String[] {"", "task " + id});
                            return new ScheduleRiskReport.Milestone(
                                    id,
                                    task[0],
                                    task[1],
                                    milestone.scheduledFinish(),
                                    milestone.probabilityOnTime(),
                                    milestone.p10(),
                                    milestone.p50(),
                                    milestone.p80(),
                                    milestone.p90(),
                                    milestone.finishDays().stream()
                                            .map(day -> new ScheduleRiskReport.FinishDay(
                                                    day.date(),
                                                    day.runs(),
                                                    day.probability(),
                                                    day.cumulativeProbability()))
                                            .toList());
                        })
                        .sorted(Comparator.comparing(
                                ScheduleRiskReport.Milestone::wbs, ScheduleRiskService::compareWbs))
                        .toList(),
                (System.nanoTime() - began) / 1_000_000);
    }

    /** WBS codes in outline order (1.10 after 1.9). */
    private static int compareWbs(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int difference = Long.compare(number(left[i]), number(right[i]));
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Distribution distribution(
            String field, String value, Distribution fallback, InvalidInput.Collector problems) {
        if (value == null) {
            return fallback;
        }
        try {
            return Distribution.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field, "must be TRIANGULAR, PERT, UNIFORM or LOGNORMAL");
            return fallback;
        }
    }

    private static double percent(
            String field, BigDecimal value, double fallback, double low, double high, InvalidInput.Collector problems) {
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(BigDecimal.valueOf(low)) < 0 || value.compareTo(BigDecimal.valueOf(high)) > 0) {
            problems.add(field, "must be between " + (long) low + " and " + (long) high);
            return fallback;
        }
        return value.doubleValue();
    }

    private static Double days(String field, BigDecimal value, InvalidInput.Collector problems) {
        if (value == null) {
            problems.add(field, "is required");
            return null;
        }
        if (value.signum() < 0 || value.compareTo(new BigDecimal("100000")) > 0) {
            problems.add(field, "must be between 0 and 100000 working days");
            return null;
        }
        return value.doubleValue();
    }

    /** The share of runs finishing on or before the day: the cumulative share of the last finish day up to it. */
    private static double shareFinishingBy(ScheduleRiskResult result, LocalDate day) {
        double share = 0;
        for (var finish : result.finishDays()) {
            if (finish.date().isAfter(day)) {
                break;
            }
            share = finish.cumulativeProbability();
        }
        return share;
    }
}
