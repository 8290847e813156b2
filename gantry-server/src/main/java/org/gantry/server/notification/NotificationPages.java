package org.gantry.server.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.notification.NotificationPreferences.KindPreference;
import org.gantry.server.notification.NotificationPreferences.ProjectPreference;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ProjectSummary;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bell in every page's sidebar, the notification centre ({@code /notifications}: filter unread, mark
 * read, mark all read, snooze), the preferences page, and the Watch button of a task's panel. The centre
 * works with plain forms (post, then redirect back), so every action is a button reachable by keyboard
 * and the bell shows the new count on the page that follows.
 */
@Controller
class NotificationPages {

    /** Snooze choices offered on the page: label and how to compute the time from now. */
    enum Snooze {
        HOUR("For 1 hour"),
        AFTERNOON("For 4 hours"),
        TOMORROW("Until tomorrow, 08:00"),
        NEXT_WEEK("Until Monday, 08:00");

        final String label;

        Snooze(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        Instant from(ZonedDateTime now) {
            return switch (this) {
                case HOUR -> now.plus(Duration.ofHours(1)).toInstant();
                case AFTERNOON -> now.plus(Duration.ofHours(4)).toInstant();
                case TOMORROW ->
                    now.toLocalDate()
                            .plusDays(1)
                            .atTime(LocalTime.of(8, 0))
                            .atZone(now.getZone())
                            .toInstant();
                case NEXT_WEEK ->
                    now.toLocalDate()
                            .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                            .atTime(LocalTime.of(8, 0))
                            .atZone(now.getZone())
                            .toInstant();
            };
        }
    }

    private final Notifications notifications;
    private final Preferences preferences;
    private final Watchers watchers;
    private final ProjectService projects;

    NotificationPages(
            Notifications notifications, Preferences preferences, Watchers watchers, ProjectService projects) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.watchers = watchers;
        this.projects = projects;
    }

    @GetMapping("/notifications/bell")
    String bell(CurrentUser user, Model model) {
        model.addAttribute("unread", notifications.unreadCount(user));
        return "notification/fragments :: bell";
    }

    @GetMapping("/notifications")
    String centre(
            CurrentUser user,
            @RequestParam(defaultValue = "all") String filter,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean unreadOnly = filter.equals("unread");
        NotificationList list = notifications.list(user, unreadOnly, Math.max(page, 0), 50);
        ZoneId zone = ZoneId.of(preferences.setting(user.id()).timeZone());
        model.addAttribute("me", user);
        model.addAttribute("section", "notifications");
        model.addAttribute("list", list);
        model.addAttribute("filter", unreadOnly ? "unread" : "all");
        model.addAttribute("zone", zone);
        model.addAttribute("snoozes", Snooze.values());
        model.addAttribute("hasNext", (long) (list.page() + 1) * list.size() < list.total());
        return "notification/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "true") boolean read,
            @RequestParam(defaultValue = "all") String filter) {
        notifications.change(user, id, new NotificationChange(read, null, null, null));
        return back(filter);
    }

    @PostMapping("/notifications/{id}/snooze")
    String snooze(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam Snooze until,
            @RequestParam(defaultValue = "all") String filter,
            RedirectAttributes redirect) {
        ZoneId zone = ZoneId.of(preferences.setting(user.id()).timeZone());
        notifications.change(user, id, new NotificationChange(null, until.from(ZonedDateTime.now(zone)), null, null));
        redirect.addFlashAttribute(
                "notice", "Snoozed: it comes back " + until.label().toLowerCase() + ".");
        return back(filter);
    }

    @PostMapping("/notifications/read-all")
    String readAll(CurrentUser user, @RequestParam(defaultValue = "all") String filter, RedirectAttributes redirect) {
        int count = notifications.markAllRead(user);
        redirect.addFlashAttribute(
                "notice", count == 1 ? "1 notification marked read." : count + " notifications marked read.");
        return back(filter);
    }

    private static String back(String filter) {
        return "redirect:/notifications" + (filter.equals("unread") ? "?filter=unread" : "");
    }

    @GetMapping("/notifications/preferences")
    String preferencesPage(CurrentUser user, Model model) {
        return preferencesModel(user, preferences.get(user), null, model);
    }

    @PostMapping("/notifications/preferences")
    String savePreferences(
            CurrentUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        List<KindPreference> kinds = new ArrayList<>();
        for (Reason reason : Reason.values()) {
            String email = form.getFirst("email-" + reason.name());
            kinds.add(new KindPreference(
                    reason,
                    null,
                    email == null ? null : EmailDelivery.valueOf(email),
                    form.containsKey("inapp-" + reason.name())));
        }
        LocalTime digest;
        try {
            digest = LocalTime.parse(form.getFirst("digestTime"));
        } catch (RuntimeException e) {
            return preferencesModel(
                    user, preferences.get(user), Map.of("digestTime", "must be a time such as 08:00"), model);
        }
        try {
            preferences.update(
                    user, new NotificationPreferences(digest, form.getFirst("timeZone"), kinds, List.of(), null));
        } catch (InvalidInput e) {
            return preferencesModel(user, preferences.get(user), errors(e), model);
        }
        redirect.addFlashAttribute("notice", "Preferences saved.");
        return "redirect:/notifications/preferences";
    }

    @PostMapping("/notifications/preferences/projects")
    String saveProjectPreference(
            CurrentUser user,
            @RequestParam String project,
            @RequestParam Reason kind,
            @RequestParam(required = false) EmailDelivery email,
            @RequestParam(defaultValue = "false") boolean inApp,
            @RequestParam(defaultValue = "false") boolean remove,
            Model model,
            RedirectAttributes redirect) {
        ProjectPreference override = remove
                ? new ProjectPreference(project, kind, null, null)
                : new ProjectPreference(project, kind, email == null ? EmailDelivery.OFF : email, inApp);
        try {
            preferences.update(user, new NotificationPreferences(null, null, List.of(), List.of(override), null));
        } catch (InvalidInput e) {
            return preferencesModel(user, preferences.get(user), errors(e), model);
        }
        redirect.addFlashAttribute("notice", remove ? "Project setting removed." : "Project setting saved.");
        return "redirect:/notifications/preferences";
    }

    private String preferencesModel(
            CurrentUser user, NotificationPreferences current, Map<String, String> errors, Model model) {
        List<ProjectSummary> readable = projects.list(user, null, false, 0, 200).items();
        model.addAttribute("me", user);
        model.addAttribute("section", "notifications");
        model.addAttribute("prefs", current);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("deliveries", EmailDelivery.values());
        model.addAttribute("kinds", Reason.values());
        model.addAttribute("projects", readable);
        return "notification/preferences";
    }

    private static Map<String, String> errors(InvalidInput e) {
        return e.errors().stream().collect(Collectors.toMap(p -> p.field(), p -> p.message(), (a, b) -> a + "; " + b));
    }

    /**
     * The Schedule alerts section of a project's Settings page: how far a task must move before its
     * watchers are told. Owners and managers change it; everyone else sees it.
     */
    @GetMapping("/projects/{key}/notification-settings")
    String alertSettings(CurrentUser user, @PathVariable String key, Model model) {
        return alertModel(user, key, preferences.projectSettings(user, key), Map.of(), model);
    }

    @PostMapping("/projects/{key}/notification-settings")
    String saveAlertSettings(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String moveThreshold,
            @RequestParam(required = false) Integer version,
            Model model) {
        try {
            ProjectNotificationSettings saved = preferences.changeProjectSettings(
                    user,
                    key,
                    new ProjectNotificationSettings(
                            null,
                            null,
                            moveThreshold == null || moveThreshold.isBlank() ? null : moveThreshold.strip(),
                            null,
                            moveThreshold == null || moveThreshold.isBlank() ? List.of("moveThreshold") : null,
                            version));
            model.addAttribute("alertsSaved", "Saved.");
            return alertModel(user, key, saved, Map.of(), model);
        } catch (InvalidInput e) {
            model.addAttribute("typedThreshold", moveThreshold);
            return alertModel(user, key, preferences.projectSettings(user, key), errors(e), model);
        } catch (org.gantry.server.shared.StaleVersion e) {
            model.addAttribute("alertsConflict", "Someone changed these settings meanwhile; here they are now.");
            return alertModel(user, key, preferences.projectSettings(user, key), Map.of(), model);
        }
    }

    private String alertModel(
            CurrentUser user,
            String key,
            ProjectNotificationSettings settings,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("alerts", settings);
        model.addAttribute("alertErrors", errors);
        model.addAttribute("projectKey", key);
        var access = projects.access(user, key);
        // In the form as it is typed (2d, 4h, 30m), so saving it unchanged is accepted again.
        long minutes = settings.moveThresholdMinutes() == null ? 0 : settings.moveThresholdMinutes();
        long perDay = Math.max(1, access.minutesPerDay());
        model.addAttribute(
                "thresholdAsTyped",
                minutes % perDay == 0
                        ? minutes / perDay + "d"
                        : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m");
        model.addAttribute(
                "canChangeAlerts", access.can(org.gantry.server.project.Permission.EDIT_PROJECT) && !access.archived());
        return "notification/fragments :: alerts";
    }

    /** The Watch / Stop watching button of a task's panel (htmx swaps it in place). */
    @GetMapping("/projects/{key}/tasks/{id}/watch")
    String watchButton(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        return watchModel(watchers.list(user, key, id), key, model);
    }

    @PostMapping("/projects/{key}/tasks/{id}/watch")
    String toggleWatch(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam boolean watch,
            Model model) {
        return watchModel(watch ? watchers.watch(user, key, id) : watchers.unwatch(user, key, id), key, model);
    }

    private static String watchModel(TaskWatchers watching, String key, Model model) {
        model.addAttribute("watching", watching);
        model.addAttribute("projectKey", key);
        return "notification/fragments :: watch";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
