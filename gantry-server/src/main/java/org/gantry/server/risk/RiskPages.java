package org.gantry.server.risk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gantry.server.collaboration.CommentService;
import org.gantry.server.collaboration.NewComment;
import org.gantry.server.collaboration.NewCommentFile;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.FieldProblem;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Risks page of a project: the 5x5 heat map of the open risks (a cell is a link that filters the
 * list to its risks), the register, a form to add a risk (owners, managers, members), and a Monte Carlo
 * schedule risk analysis of the plan (a GET form: it changes nothing) with its P-dates and tornado.
 */
@Controller
@RequestMapping("/projects/{key}/risks")
class RiskPages {
    static final List<String> PROBABILITY_LABELS = List.of("Rare", "Unlikely", "Possible", "Likely", "Almost certain");
    static final List<String> IMPACT_LABELS = List.of("Negligible", "Minor", "Moderate", "Major", "Severe");

    private final RiskService risks;
    private final RiskExposure exposure;
    private final ScheduleRiskService scheduleRisk;
    private final ProjectService projects;
    private final ScheduleRiskRuns runs;
    private final org.gantry.server.collaboration.AttachmentService attachments;
    private final CommentService comments;

    RiskPages(
            RiskService risks,
            RiskExposure exposure,
            ScheduleRiskService scheduleRisk,
            ProjectService projects,
            ScheduleRiskRuns runs,
            org.gantry.server.collaboration.AttachmentService attachments,
            CommentService comments) {
        this.risks = risks;
        this.exposure = exposure;
        this.scheduleRisk = scheduleRisk;
        this.projects = projects;
        this.runs = runs;
        this.attachments = attachments;
        this.comments = comments;
    }

    /** A comment on the risk, with its files, all or nothing; a refused one comes back with the text kept. */
    @PostMapping("/{id}/comments")
    String comment(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<org.springframework.web.multipart.MultipartFile> files,
            Model model) {
        Risk risk = risks.get(user, key, id);
        try {
            comments.postOnRisk(user, key, id, new NewComment(body, null), NewCommentFile.chosen(files));
            return "redirect:/projects/" + key + "/risks/" + id + "?done=commented#comments";
        } catch (org.gantry.server.shared.InvalidInput e) {
            Map<String, String> problems = new java.util.LinkedHashMap<>();
            e.errors().forEach(problem -> problems.putIfAbsent(problem.field(), problem.message()));
            model.addAttribute(
                    "commentError",
                    problems.containsKey("body")
                            ? problems.get("body")
                            : "has a file that was refused: the file "
                                    + problems.getOrDefault("file", String.join("; ", problems.values())));
        } catch (org.gantry.server.collaboration.AttachmentTooLarge e) {
            model.addAttribute(
                    "commentError",
                    "has a file that was refused: " + e.getMessage().replaceAll("\\.$", ""));
        }
        model.addAttribute("commentDraft", body);
        riskPage(user, key, risk, null, model);
        return "risk/risk";
    }

    /** One risk: its details and its files (attached by those who edit the register). */
    @GetMapping("/{id}")
    String risk(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String done,
            Model model) {
        Risk risk = risks.get(user, key, id);
        if ("attached".equals(done)) {
            model.addAttribute("notice", "File attached.");
        } else if ("file-deleted".equals(done)) {
            model.addAttribute("notice", "File deleted.");
        } else if ("commented".equals(done)) {
            model.addAttribute("notice", "Comment posted.");
        }
        riskPage(user, key, risk, null, model);
        return "risk/risk";
    }

    /**
     * The address a refused file or comment left the page at: a reload, or the live refresh that refetches the
     * page's own address, gets the risk's page.
     */
    @GetMapping({"/{id}/files", "/{id}/comments"})
    String back(@PathVariable String key, @PathVariable long id) {
        return "redirect:/projects/" + key + "/risks/" + id;
    }

    @PostMapping("/{id}/files")
    String attach(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            Model model)
            throws java.io.IOException {
        Risk risk = risks.get(user, key, id);
        String problem =
                EntryFiles.attach(file, (name, content) -> attachments.uploadToRisk(user, key, id, name, content));
        if (problem == null) {
            return "redirect:/projects/" + key + "/risks/" + id + "?done=attached#files";
        }
        riskPage(user, key, risk, problem, model);
        return "risk/risk";
    }

    @PostMapping("/{id}/files/{fileId}/delete")
    String deleteFile(CurrentUser user, @PathVariable String key, @PathVariable long id, @PathVariable long fileId) {
        risks.get(user, key, id);
        if (!java.util.Objects.equals(attachments.get(user, key, fileId).riskId(), id)) {
            throw new org.gantry.server.shared.NotFound(
                    "Risk " + id + " of project " + key + " has no file " + fileId + ".");
        }
        attachments.delete(user, key, fileId);
        return "redirect:/projects/" + key + "/risks/" + id + "?done=file-deleted#files";
    }

    private void riskPage(CurrentUser user, String key, Risk risk, String fileProblem, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("risk", risk);
        model.addAttribute("files", attachments.listOfRisk(user, key, risk.id()));
        model.addAttribute("canAttach", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("fileProblem", fileProblem);
        model.addAttribute("comments", comments.listOnRisk(user, key, risk.id()));
        model.addAttribute("canComment", access.can(Permission.COMMENT) && !project.archived());
        model.addAttribute("zone", access.timeZone());
    }

    /** A stored run as the list of past runs shows it: times in the project's time zone. */
    public record PastRun(
            long id,
            String state,
            int progress,
            int iterations,
            String distribution,
            String startedBy,
            LocalDateTime startedAt,
            LocalDateTime p80,
            String error) {
        public boolean active() {
            return state.equals("QUEUED") || state.equals("RUNNING");
        }
    }

    /** The add-risk form as typed (numbers and dates as text, so a typo comes back to be fixed). */
    public record RiskForm(
            String title,
            String kind,
            String category,
            String cause,
            String event,
            String effect,
            Integer probability,
            Integer impact,
            String responseStrategy,
            String response,
            Long ownerId,
            String reviewDate,
            Long delayTaskId,
            String delayDays,
            String delayPercent,
            Integer residualProbability,
            Integer residualImpact,
            String trigger,
            String proximity,
            String costImpact)
            implements java.io.Serializable {}

    /** The analysis form: all optional; {@code run} present means run it. */
    public record AnalysisForm(
            String run,
            String iterations,
            String distribution,
            String optimistic,
            String pessimistic,
            String deadline) {}

    @GetMapping
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Integer probability,
            @RequestParam(required = false) Integer impact,
            @RequestParam(required = false) Long runId,
            @RequestParam(required = false) String basis,
            AnalysisForm analysis,
            Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        boolean cellChosen = probability != null
                && impact != null
                && probability >= 1
                && probability <= 5
                && impact >= 1
                && impact <= 5;
        // Anything but RESIDUAL shows the inherent map: the address is typed or shared, not a form to refuse.
        String chosenBasis = "residual".equalsIgnoreCase(basis) ? "RESIDUAL" : "INHERENT";
        List<Risk> shown = cellChosen
                ? risks.list(user, key, null, null, null, probability, impact, null, chosenBasis)
                : risks.list(user, key, null, null, null, null, null, null, chosenBasis);
        HeatMap heatMap = exposure.heatMap(user, key, null, chosenBasis);
        model.addAttribute("residualBasis", chosenBasis.equals("RESIDUAL"));
        model.addAttribute("exposure", ExposureChart.of(exposure.exposureTrend(user, key, null, null)));
        List<List<HeatMap.Cell>> rows = new ArrayList<>();
        for (int row = 0; row < 5; row++) {
            rows.add(heatMap.cells().subList(row * 5, row * 5 + 5));
        }
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("tab", "risks");
        model.addAttribute("risks", shown);
        model.addAttribute("heatMap", heatMap);
        model.addAttribute("heatRows", rows);
        model.addAttribute("probabilityLabels", PROBABILITY_LABELS);
        model.addAttribute("impactLabels", IMPACT_LABELS);
        model.addAttribute("chosenProbability", cellChosen ? probability : null);
        model.addAttribute("chosenImpact", cellChosen ? impact : null);
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("members", projects.members(user, key));
        model.addAttribute("tasks", risks.taskChoices(access));
        model.addAttribute("threatResponses", List.of("AVOID", "MITIGATE", "TRANSFER", "ACCEPT", "ESCALATE"));
        model.addAttribute("opportunityResponses", List.of("EXPLOIT", "ENHANCE", "SHARE", "ACCEPT", "ESCALATE"));
        model.addAttribute("analysis", analysis);
        List<PastRun> past = runs.recent(access, 10).stream()
                .map(run -> new PastRun(
                        run.id(),
                        run.state(),
                        run.progress(),
                        run.iterations(),
                        run.distribution(),
                        run.startedByName() == null ? "–" : run.startedByName(),
                        LocalDateTime.ofInstant(run.createdAt(), access.timeZone()),
                        run.p80(),
                        run.error()))
                .toList();
        model.addAttribute("pastRuns", past);
        model.addAttribute(
                "activeRun", past.stream().filter(PastRun::active).findFirst().orElse(null));
        if (runId != null) {
            ScheduleRiskRun storedRun = runs.stored(access, runId);
            if (storedRun == null) {
                model.addAttribute("analysisProblem", "This project has no analysis run " + runId + ".");
            } else if (storedRun.report() != null) {
                model.addAttribute("report", storedRun.report());
                model.addAttribute(
                        "shownRun",
                        past.stream()
                                .filter(run -> run.id() == storedRun.id())
                                .findFirst()
                                .orElse(new PastRun(
                                        storedRun.id(),
                                        storedRun.state(),
                                        storedRun.progress(),
                                        storedRun.iterations(),
                                        storedRun.distribution(),
                                        storedRun.startedByName() == null ? "–" : storedRun.startedByName(),
                                        LocalDateTime.ofInstant(storedRun.createdAt(), access.timeZone()),
                                        storedRun.p80(),
                                        storedRun.error())));
            } else if (storedRun.state().equals("FAILED")) {
                model.addAttribute("analysisProblem", "Analysis run " + runId + " failed: " + storedRun.error());
            }
        } else if (analysis.run() != null) {
            analyse(user, key, analysis, model);
        }
        return "risk/risks";
    }

    private void analyse(CurrentUser user, String key, AnalysisForm form, Model model) {
        List<String> problems = new ArrayList<>();
        Integer iterations = integer(form.iterations(), "Runs", problems);
        BigDecimal optimistic = decimal(form.optimistic(), "Optimistic %", problems);
        BigDecimal pessimistic = decimal(form.pessimistic(), "Pessimistic %", problems);
        LocalDate deadline = date(form.deadline(), "Deadline", problems);
        if (problems.isEmpty()) {
            try {
                model.addAttribute(
                        "report",
                        scheduleRisk.run(
                                user,
                                key,
                                new ScheduleRiskRequest(
                                        iterations,
                                        null,
                                        blankToNull(form.distribution()),
                                        optimistic,
                                        pessimistic,
                                        deadline,
                                        null,
                                        null,
                                        null)));
            } catch (InvalidInput e) {
                problems.add(describe(e));
            } catch (Conflict e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("analysisProblem", String.join("; ", problems));
        }
    }

    @PostMapping
    String create(CurrentUser user, @PathVariable String key, RiskForm form, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        LocalDate reviewDate = date(form.reviewDate(), "Review date", problems);
        BigDecimal delayDays = decimal(form.delayDays(), "Delay (days)", problems);
        LocalDate proximity = date(form.proximity(), "Could happen from", problems);
        BigDecimal costImpact = decimal(form.costImpact(), "Cost impact", problems);
        Integer delayPercent = integer(form.delayPercent(), "Chance of the delay (%)", problems);
        if (problems.isEmpty()) {
            try {
                Risk risk = risks.create(
                        user,
                        key,
                        new NewRisk(
                                form.title(),
                                blankToNull(form.kind()),
                                form.category(),
                                form.cause(),
                                form.event(),
                                form.effect(),
                                form.probability(),
                                form.impact(),
                                blankToNull(form.responseStrategy()),
                                form.response(),
                                form.ownerId(),
                                null,
                                reviewDate,
                                null,
                                form.delayTaskId(),
                                delayDays,
                                delayPercent,
                                form.residualProbability(),
                                form.residualImpact(),
                                form.trigger(),
                                proximity,
                                costImpact));
                redirect.addFlashAttribute(
                        "notice",
                        "Risk added: " + risk.title() + " (score " + risk.score() + ", "
                                + risk.level().toLowerCase() + ").");
                // The query names the new risk: a flash attribute goes to the first request for its URL, and
                // the page being left may itself refetch /risks when this very change reaches its live stream.
                return "redirect:/projects/" + key + "/risks?added=" + risk.id();
            } catch (InvalidInput e) {
                problems.add(describe(e));
            }
        }
        redirect.addFlashAttribute("problem", String.join("; ", problems));
        redirect.addFlashAttribute("form", form);
        return "redirect:/projects/" + key + "/risks#add-risk";
    }

    private static String describe(InvalidInput e) {
        List<String> parts = new ArrayList<>();
        for (FieldProblem problem : e.errors()) {
            parts.add(label(problem.field()) + " " + problem.message());
        }
        return String.join("; ", parts);
    }

    private static String label(String field) {
        return switch (field) {
            case "title" -> "Title";
            case "probability" -> "Probability";
            case "impact" -> "Impact";
            case "responseStrategy" -> "Response strategy";
            case "ownerId" -> "Owner";
            case "reviewDate" -> "Review date";
            case "delayTaskId" -> "Delayed task";
            case "delayDays" -> "Delay (days)";
            case "delayPercent" -> "Chance of the delay (%)";
            case "residualProbability" -> "Residual probability";
            case "residualImpact" -> "Residual impact";
            case "proximity" -> "Could happen from";
            case "costImpact" -> "Cost impact";
            case "iterations" -> "Runs";
            case "optimisticPercent" -> "Optimistic %";
            case "pessimisticPercent" -> "Pessimistic %";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(String value, String label, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(label + " must be a date like 2026-03-31");
            return null;
        }
    }

    private static BigDecimal decimal(String value, String label, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(label + " must be a number");
            return null;
        }
    }

    private static Integer integer(String value, String label, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(label + " must be a whole number");
            return null;
        }
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
