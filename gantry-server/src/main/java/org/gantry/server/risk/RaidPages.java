package org.gantry.server.risk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gantry.server.collaboration.AttachmentService;
import org.gantry.server.collaboration.AttachmentTooLarge;
import org.gantry.server.collaboration.CommentService;
import org.gantry.server.collaboration.NewComment;
import org.gantry.server.collaboration.NewCommentFile;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectMember;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.FieldProblem;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The RAID log page of a project: the risks of the register beside the assumptions, issues, dependencies
 * and decisions, filtered by kind, status, owner and text with the filters in the address (a filtered view
 * can be shared and reloaded, and the export links take the same filters), a form to add an entry, and a
 * page per entry to read, edit (with its version: a stale edit shows the entry as it is now and what the
 * person typed) and delete it. Stakeholders read; the forms are shown to those who may use them.
 *
 * <p>The outcome of an action comes back in the address ({@code done}), not as a flash attribute: the
 * page refetches its own address after every change of the project, and such a refetch racing the
 * redirect would take a flash attribute away from the page it was meant for. A form that is refused (bad
 * input, stale version) is answered with the page itself and status 200, the messages next to the fields.
 */
@Controller
@RequestMapping("/projects/{key}/raid")
class RaidPages {
    static final Map<String, String> KINDS = kinds();
    static final Map<String, String> STATUS_LABELS = statusLabels();

    private final RaidService raid;
    private final RaidLog log;
    private final RiskService risks;
    private final ProjectService projects;
    private final CommentService comments;
    private final AttachmentService attachments;

    RaidPages(
            RaidService raid,
            RaidLog log,
            RiskService risks,
            ProjectService projects,
            CommentService comments,
            AttachmentService attachments) {
        this.raid = raid;
        this.log = log;
        this.risks = risks;
        this.projects = projects;
        this.comments = comments;
        this.attachments = attachments;
    }

    /** A link of the kind tabs: all kinds or one, the other filters kept. */
    public record KindTab(String label, String href, boolean current) {}

    /** An entry or risk as a link target: its kind, number and title. */
    public record Target(String label, String href) {}

    @GetMapping
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Long entry,
            Model model) {
        if (done != null) {
            String notice =
                    switch (done) {
                        case "added" -> "Entry added" + (entry == null ? "." : ": #" + entry + ".");
                        case "deleted" -> "Entry" + (entry == null ? "" : " #" + entry) + " deleted.";
                        default -> null;
                    };
            if (notice != null) {
                model.addAttribute("notice", notice);
            }
        }
        listPage(user, key, type, status, owner, text, RaidForm.EMPTY, Map.of(), model);
        return "risk/raid";
    }

    @PostMapping
    String create(CurrentUser user, @PathVariable String key, RaidForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        RaidForm.Dates dates = form.dates(errors);
        if (errors.isEmpty()) {
            try {
                RaidEntry created = raid.create(user, key, form.newEntry(dates));
                return "redirect:/projects/" + key + "/raid?done=added&entry=" + created.id() + "#raid-log";
            } catch (InvalidInput e) {
                errors.putAll(messages(e));
            }
        }
        listPage(user, key, null, null, null, null, form, errors, model);
        return "risk/raid";
    }

    @GetMapping("/{id}")
    String entry(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String done,
            @RequestHeader(name = "X-Gantry-Background", required = false) String background,
            Model model) {
        RaidEntry entry;
        try {
            entry = raid.get(user, key, id);
        } catch (NotFound e) {
            if (background == null) {
                throw e;
            }
            // The page's own refresh after someone deleted the entry: a region saying so, not a failed request.
            model.addAttribute("key", key);
            return "risk/raid-gone";
        }
        if ("saved".equals(done)) {
            model.addAttribute("notice", "Saved.");
        } else if ("commented".equals(done)) {
            model.addAttribute("notice", "Comment posted.");
        } else if ("attached".equals(done)) {
            model.addAttribute("notice", "File attached.");
        } else if ("file-deleted".equals(done)) {
            model.addAttribute("notice", "File deleted.");
        }
        entryPage(user, key, entry, RaidForm.of(entry), Map.of(), model);
        return "risk/raid-entry";
    }

    @PostMapping("/{id}")
    String update(CurrentUser user, @PathVariable String key, @PathVariable long id, RaidForm form, Model model) {
        RaidEntry current = raid.get(user, key, id);
        Map<String, String> errors = new LinkedHashMap<>();
        RaidForm.Dates dates = form.dates(errors);
        if (errors.isEmpty()) {
            try {
                raid.update(user, key, id, form.changesTo(current, dates));
                return "redirect:/projects/" + key + "/raid/" + id + "?done=saved";
            } catch (StaleVersion e) {
                // The form shows the entry as it is now; what the person typed is listed beside it.
                RaidEntry now = raid.get(user, key, id);
                model.addAttribute("conflict", form.differencesFrom(now, people(user, key), STATUS_LABELS));
                entryPage(user, key, now, RaidForm.of(now), Map.of(), model);
                return "risk/raid-entry";
            } catch (InvalidInput e) {
                errors.putAll(messages(e));
            }
        }
        entryPage(user, key, current, withKind(form, current), errors, model);
        return "risk/raid-entry";
    }

    @PostMapping("/{id}/comments")
    String comment(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<MultipartFile> files,
            Model model) {
        RaidEntry entry = raid.get(user, key, id);
        try {
            // With its files, all or nothing: a refused file posts nothing and the text stays in the box.
            comments.postOnRaidEntry(user, key, id, new NewComment(body, null), NewCommentFile.chosen(files));
            return "redirect:/projects/" + key + "/raid/" + id + "?done=commented#comments";
        } catch (InvalidInput e) {
            Map<String, String> problems = messages(e);
            model.addAttribute(
                    "commentError",
                    problems.containsKey("body")
                            ? problems.get("body")
                            : "has a file that was refused: the file "
                                    + problems.getOrDefault("file", String.join("; ", problems.values())));
            model.addAttribute("commentDraft", body);
        } catch (AttachmentTooLarge e) {
            model.addAttribute(
                    "commentError",
                    "has a file that was refused: " + e.getMessage().replaceAll("\\.$", ""));
            model.addAttribute("commentDraft", body);
        }
        entryPage(user, key, entry, RaidForm.of(entry), Map.of(), model);
        return "risk/raid-entry";
    }

    /** A file for the entry itself (those who edit the log); a refused one comes back next to the field. */
    @PostMapping("/{id}/files")
    String attach(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            Model model)
            throws java.io.IOException {
        RaidEntry entry = raid.get(user, key, id);
        String problem =
                EntryFiles.attach(file, (name, content) -> attachments.uploadToRaidEntry(user, key, id, name, content));
        if (problem == null) {
            return "redirect:/projects/" + key + "/raid/" + id + "?done=attached#files";
        }
        model.addAttribute("fileProblem", problem);
        entryPage(user, key, entry, RaidForm.of(entry), Map.of(), model);
        return "risk/raid-entry";
    }

    @PostMapping("/{id}/files/{fileId}/delete")
    String deleteFile(CurrentUser user, @PathVariable String key, @PathVariable long id, @PathVariable long fileId) {
        raid.get(user, key, id);
        if (!java.util.Objects.equals(attachments.get(user, key, fileId).raidEntryId(), id)) {
            throw new NotFound("Entry " + id + " of project " + key + " has no file " + fileId + ".");
        }
        attachments.delete(user, key, fileId);
        return "redirect:/projects/" + key + "/raid/" + id + "?done=file-deleted#files";
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser user, @PathVariable String key, @PathVariable long id) {
        raid.delete(user, key, id);
        return "redirect:/projects/" + key + "/raid?done=deleted&entry=" + id;
    }

    private void listPage(
            CurrentUser user,
            String key,
            String type,
            String status,
            String owner,
            String text,
            RaidForm form,
            Map<String, String> errors,
            Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        List<String> filterProblems = new ArrayList<>();
        Long ownerId = null;
        if (owner != null && !owner.isBlank()) {
            try {
                ownerId = Long.valueOf(owner.strip());
            } catch (NumberFormatException e) {
                filterProblems.add("Owner must be one of the project's members");
            }
        }
        RaidLog.Filters filters;
        try {
            filters = RaidLog.filters(type, status, ownerId, text);
        } catch (InvalidInput e) {
            for (FieldProblem problem : e.errors()) {
                filterProblems.add(label(problem.field()) + " " + problem.message());
            }
            filters = RaidLog.filters(null, null, null, null);
        }
        RaidLog.Filtered shown =
                filterProblems.isEmpty() ? log.read(user, key, filters) : new RaidLog.Filtered(List.of(), List.of());
        List<RaidEntry> all = raid.query(access, null, null, null, null);
        common(user, key, project, access, all, model);
        model.addAttribute("risks", shown.risks());
        Map<Long, LocalDate> riskRaised = new LinkedHashMap<>();
        shown.risks()
                .forEach(risk -> riskRaised.put(risk.id(), LocalDate.ofInstant(risk.createdAt(), access.timeZone())));
        model.addAttribute("riskRaised", riskRaised);
        model.addAttribute("entries", shown.entries());
        model.addAttribute("filterProblem", filterProblems.isEmpty() ? null : String.join("; ", filterProblems));
        model.addAttribute("filtered", filterProblems.isEmpty() && filters.any());
        model.addAttribute("chosenType", filters.type());
        model.addAttribute("chosenStatus", filters.status());
        model.addAttribute("chosenOwner", filters.owner());
        model.addAttribute("chosenText", filters.text());
        model.addAttribute("allStatuses", RaidLog.statuses());
        List<KindTab> tabs = new ArrayList<>();
        tabs.add(new KindTab("All", address(key, null, filters), filters.type() == null));
        for (String kind : RaidLog.TYPES) {
            tabs.add(new KindTab(plural(kind), address(key, kind, filters), kind.equals(filters.type())));
        }
        model.addAttribute("kindTabs", tabs);
        model.addAttribute("exportCsv", export(key, "csv", filters));
        model.addAttribute("exportXlsx", export(key, "xlsx", filters));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("entryChoices", all);
    }

    private void entryPage(
            CurrentUser user, String key, RaidEntry entry, RaidForm form, Map<String, String> errors, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        List<RaidEntry> all = raid.query(access, null, null, null, null);
        common(user, key, project, access, all, model);
        model.addAttribute("entry", entry);
        model.addAttribute("comments", comments.listOnRaidEntry(user, key, entry.id()));
        model.addAttribute("files", attachments.listOfRaidEntry(user, key, entry.id()));
        model.addAttribute("canAttach", access.can(Permission.EDIT_TASKS) && !project.archived());
        if (!model.containsAttribute("fileProblem")) {
            model.addAttribute("fileProblem", null);
        }
        model.addAttribute("canComment", access.can(Permission.COMMENT) && !project.archived());
        model.addAttribute("zone", access.timeZone());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "entryChoices",
                all.stream().filter(other -> other.id() != entry.id()).toList());
    }

    /** What both pages show: the project, the rights, the choices of the forms and the names of the links. */
    private void common(
            CurrentUser user, String key, Project project, ProjectAccess access, List<RaidEntry> all, Model model) {
        List<Risk> register = risks.list(user, key, null, null, null, null, null, null);
        Map<Long, Target> entryTargets = new LinkedHashMap<>();
        for (RaidEntry other : all) {
            entryTargets.put(
                    other.id(),
                    new Target(
                            KINDS.get(other.type()) + " #" + other.id() + ": " + other.title(),
                            "/projects/" + key + "/raid/" + other.id()));
        }
        Map<Long, Target> riskTargets = new LinkedHashMap<>();
        for (Risk risk : register) {
            riskTargets.put(
                    risk.id(),
                    new Target("Risk #" + risk.id() + ": " + risk.title(), "/projects/" + key + "/risks/" + risk.id()));
        }
        Map<Long, Target> taskTargets = new LinkedHashMap<>();
        log.taskNames(access)
                .forEach((id, name) -> taskTargets.put(id, new Target(name, "/projects/" + key + "/list?task=" + id)));
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("tab", "raid");
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("canDelete", access.can(Permission.MANAGE_TASKS) && !project.archived());
        model.addAttribute("members", projects.members(user, key));
        model.addAttribute("taskChoices", risks.taskChoices(access));
        model.addAttribute("riskChoices", register);
        model.addAttribute("entryTargets", entryTargets);
        model.addAttribute("riskTargets", riskTargets);
        model.addAttribute("taskTargets", taskTargets);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("entryKinds", RaidService.TYPES);
        model.addAttribute("statusLabels", STATUS_LABELS);
        model.addAttribute("statusesByKind", RaidService.STATUSES);
    }

    private Map<Long, String> people(CurrentUser user, String key) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (ProjectMember member : projects.members(user, key)) {
            names.put(member.userId(), member.name());
        }
        return names;
    }

    /** The edit form never changes the kind; a form posted without one keeps the entry's. */
    private static RaidForm withKind(RaidForm form, RaidEntry current) {
        return new RaidForm(
                current.type(),
                form.title(),
                form.description(),
                form.ownerId(),
                form.status(),
                form.raisedOn(),
                form.dueOn(),
                form.closedOn(),
                form.decidedById(),
                form.decidedOn(),
                form.rationale(),
                form.riskId(),
                form.taskIds(),
                form.linkedEntryIds(),
                form.version());
    }

    private static String address(String key, String kind, RaidLog.Filters filters) {
        return with(UriComponentsBuilder.fromPath("/projects/" + key + "/raid"), kind, filters)
                .build()
                .encode()
                .toUriString();
    }

    private static String export(String key, String format, RaidLog.Filters filters) {
        return with(
                        UriComponentsBuilder.fromPath("/api/v1/projects/" + key + "/raid/export")
                                .queryParam("format", format),
                        filters.type(),
                        filters)
                .build()
                .encode()
                .toUriString();
    }

    private static UriComponentsBuilder with(UriComponentsBuilder builder, String kind, RaidLog.Filters filters) {
        if (kind != null) {
            builder.queryParam("type", kind);
        }
        if (filters.status() != null) {
            builder.queryParam("status", filters.status());
        }
        if (filters.owner() != null) {
            builder.queryParam("owner", filters.owner());
        }
        if (filters.text() != null) {
            builder.queryParam("text", filters.text());
        }
        return builder;
    }

    /** Field messages for the form, keyed by its field names. */
    private static Map<String, String> messages(InvalidInput e) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldProblem problem : e.errors()) {
            messages.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b);
        }
        return messages;
    }

    private static String label(String field) {
        return switch (field) {
            case "type" -> "Kind";
            case "status" -> "Status";
            case "text" -> "Text";
            default -> field;
        };
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "RISK" -> "Risks";
            case "ASSUMPTION" -> "Assumptions";
            case "ISSUE" -> "Issues";
            case "DEPENDENCY" -> "Dependencies";
            default -> "Decisions";
        };
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("RISK", "Risk");
        kinds.put("ASSUMPTION", "Assumption");
        kinds.put("ISSUE", "Issue");
        kinds.put("DEPENDENCY", "Dependency");
        kinds.put("DECISION", "Decision");
        return Map.copyOf(kinds);
    }

    private static Map<String, String> statusLabels() {
        Set<String> all = new TreeSet<>(RaidLog.statuses());
        Map<String, String> labels = new LinkedHashMap<>();
        for (String status : all) {
            String words = status.toLowerCase(Locale.ROOT).replace('_', ' ');
            labels.put(status, Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
        return labels;
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
