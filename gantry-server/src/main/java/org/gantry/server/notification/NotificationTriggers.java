package org.gantry.server.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gantry.server.collaboration.CommentPosted;
import org.gantry.server.collaboration.MentionedOnRaidEntry;
import org.gantry.server.collaboration.MentionsAdded;
import org.gantry.server.identity.CurrentActor;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.schedule.RescheduledTask;
import org.gantry.server.schedule.TasksRescheduled;
import org.gantry.server.task.TaskAssigned;
import org.gantry.server.task.TaskCreated;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns other modules' events into watchers and notifications. Plain listeners: they run inside the
 * edit's transaction, so notifications exist exactly when the edit commits, and mails wait for the
 * commit. The person who made the edit is never told about their own change. Kept cheap: an edit that
 * concerns nobody else costs at most one query ({@code gantry.notifications.enabled=false} turns all of
 * this off, to measure what it costs).
 */
@Component
class NotificationTriggers {

    private final JdbcClient jdbc;
    private final Watchers watchers;
    private final Notifications notifications;
    private final Preferences preferences;
    private final boolean enabled;

    NotificationTriggers(
            JdbcClient jdbc,
            Watchers watchers,
            Notifications notifications,
            Preferences preferences,
            @Value("${gantry.notifications.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.watchers = watchers;
        this.notifications = notifications;
        this.preferences = preferences;
        this.enabled = enabled;
    }

    @EventListener
    void on(TaskCreated created) {
        if (!enabled) {
            return;
        }
        watchers.watchAutomatically(created.taskId(), List.of(created.authorId()), "AUTHOR");
        assigned(created.projectId(), created.taskId(), created.authorId(), created.assigneeIds(), "created the task");
    }

    @EventListener
    void on(TaskAssigned assigned) {
        if (!enabled) {
            return;
        }
        assigned(assigned.projectId(), assigned.taskId(), assigned.assignedById(), assigned.newAssigneeIds(), null);
    }

    private void assigned(long projectId, long taskId, long actorId, List<Long> assignees, String how) {
        List<Long> others = assignees.stream().filter(id -> id != actorId).toList();
        if (others.isEmpty()) {
            return;
        }
        TaskName task = taskName(taskId);
        String actor = actorName(actorId);
        List<Draft> drafts = new ArrayList<>();
        for (long userId : others) {
            drafts.add(new Draft(
                    userId,
                    taskId,
                    Reason.ASSIGNED,
                    "You were assigned to " + task.quoted(),
                    "",
                    actor + " assigned you" + (how == null ? "" : " when they " + how) + ".",
                    actorId));
        }
        notifications.store(projectId, drafts);
    }

    @EventListener
    void on(CommentPosted comment) {
        if (!enabled) {
            return;
        }
        Set<Long> mentioned =
                new LinkedHashSet<>(comment.mentionedUserIds() == null ? Set.of() : comment.mentionedUserIds());
        mentioned.remove(comment.authorId());
        watchers.watchAutomatically(comment.taskId(), mentioned, "MENTIONED");
        Set<Long> watching = new LinkedHashSet<>(
                watchers.watchersOf(List.of(comment.taskId())).getOrDefault(comment.taskId(), Set.of()));
        watching.remove(comment.authorId());
        watching.removeAll(mentioned);
        if (mentioned.isEmpty() && watching.isEmpty()) {
            return;
        }
        TaskName task = taskName(comment.taskId());
        String actor = actorName(comment.authorId());
        String excerpt = "“" + Wording.excerpt(comment.excerpt(), 200) + "”";
        List<Draft> drafts = new ArrayList<>();
        for (long userId : mentioned) {
            drafts.add(new Draft(
                    userId,
                    comment.taskId(),
                    Reason.MENTIONED,
                    actor + " mentioned you on " + task.quoted(),
                    excerpt,
                    actor + " wrote a comment on " + task.quoted() + ".",
                    comment.authorId()));
        }
        for (long userId : watching) {
            drafts.add(new Draft(
                    userId,
                    comment.taskId(),
                    Reason.WATCHING,
                    "New comment on " + task.quoted(),
                    excerpt,
                    actor + " wrote a comment on " + task.quoted() + ".",
                    comment.authorId()));
        }
        notifications.store(comment.projectId(), drafts);
    }

    /** People an edited comment mentions for the first time: told like a new mention, watchers not again. */
    @EventListener
    void on(MentionsAdded added) {
        if (!enabled) {
            return;
        }
        Set<Long> mentioned = new LinkedHashSet<>(added.mentionedUserIds());
        mentioned.remove(added.authorId());
        if (mentioned.isEmpty()) {
            return;
        }
        watchers.watchAutomatically(added.taskId(), mentioned, "MENTIONED");
        TaskName task = taskName(added.taskId());
        String actor = actorName(added.authorId());
        String excerpt = "“" + Wording.excerpt(added.excerpt(), 200) + "”";
        List<Draft> drafts = new ArrayList<>();
        for (long userId : mentioned) {
            drafts.add(new Draft(
                    userId,
                    added.taskId(),
                    Reason.MENTIONED,
                    actor + " mentioned you on " + task.quoted(),
                    excerpt,
                    actor + " edited a comment on " + task.quoted() + ".",
                    added.authorId()));
        }
        notifications.store(added.projectId(), drafts);
    }

    /**
     * People mentioned in a comment on a RAID entry: told like a mention on a task, the notification leading
     * to the entry's page. They do not start watching anything (entries have no watchers).
     */
    @EventListener
    void on(MentionedOnRaidEntry mention) {
        if (!enabled) {
            return;
        }
        Set<Long> mentioned = new LinkedHashSet<>(mention.mentionedUserIds());
        mentioned.remove(mention.authorId());
        if (mentioned.isEmpty()) {
            return;
        }
        String entry = "the " + mention.entryType() + " “" + mention.entryTitle() + "”";
        String actor = actorName(mention.authorId());
        String excerpt = "“" + Wording.excerpt(mention.excerpt(), 200) + "”";
        String cause = actor
                + (mention.edited() ? " edited a comment on " : " wrote a comment on ")
                + entry
                + ("risk".equals(mention.entryType()) ? " in the risk register." : " in the RAID log.");
        List<Draft> drafts = new ArrayList<>();
        for (long userId : mentioned) {
            drafts.add(new Draft(
                    userId,
                    null,
                    Reason.MENTIONED,
                    actor + " mentioned you on " + entry,
                    excerpt,
                    cause,
                    mention.authorId(),
                    mention.path()));
        }
        notifications.store(mention.projectId(), drafts);
    }

    /**
     * Schedule alerts: a watched task moved by more than the project's threshold (a milestone slipped),
     * entered the critical path, or can no longer meet its deadline. The watchers are read first (one
     * query), so an edit nobody else watches costs nothing more.
     */
    @EventListener
    void on(TasksRescheduled rescheduled) {
        if (!enabled) {
            return;
        }
        Optional<CurrentUser> actor = CurrentActor.get();
        Long actorId = actor.map(CurrentUser::id).orElse(null);
        Map<Long, Set<Long>> watching = watchers.watchersOf(
                rescheduled.tasks().stream().map(RescheduledTask::id).toList());
        if (actorId != null) {
            watching.values().forEach(people -> people.remove(actorId));
        }
        watching.values().removeIf(Set::isEmpty);
        if (watching.isEmpty()) {
            return;
        }
        Object[] project = jdbc.sql("select working_hours from project where id = ?")
                .param(rescheduled.projectId())
                .query((rs, n) -> new Object[] {rs.getString(1)})
                .single();
        long perDay = minutesPerDay((String) project[0]);
        long threshold = preferences.moveThreshold(rescheduled.projectId(), perDay);
        String cause = cause(actor, rescheduled.editedTaskId());
        List<Draft> drafts = new ArrayList<>();
        for (RescheduledTask task : rescheduled.tasks()) {
            Set<Long> people = watching.get(task.id());
            if (people == null) {
                continue;
            }
            String name = "“" + task.name() + "”";
            List<Draft> about = new ArrayList<>();
            if (task.moved() && Math.abs(task.finishShiftMinutes()) > threshold) {
                String by = Wording.work(task.finishShiftMinutes(), perDay);
                String title = task.milestone() && task.finishShiftMinutes() > 0
                        ? "Milestone " + name + " slipped by " + by
                        : name + " moved " + by + (task.finishShiftMinutes() > 0 ? " later" : " earlier");
                String detail = "Start " + Wording.dateTime(task.previousStart()) + " → "
                        + Wording.dateTime(task.start()) + "; finish " + Wording.dateTime(task.previousFinish())
                        + " → " + Wording.dateTime(task.finish()) + ".";
                about.add(new Draft(0, task.id(), Reason.DATE_MOVED, title, detail, cause, actorId));
            }
            if (task.enteredCriticalPath()) {
                about.add(new Draft(
                        0,
                        task.id(),
                        Reason.CRITICAL_PATH,
                        name + " entered the critical path",
                        "Total slack is now " + signedWork(task.totalSlackMinutes(), perDay) + " (was "
                                + signedWork(task.previousTotalSlackMinutes(), perDay) + "): any delay to it delays"
                                + " the project's finish.",
                        cause,
                        actorId));
            }
            if (task.deadlineBecameUnreachable()) {
                String title = task.deadline() == null
                        ? name + " can no longer meet its date constraint"
                        : name + " will miss its deadline";
                String detail = (task.deadline() == null ? "" : "Deadline " + Wording.dateTime(task.deadline()) + "; ")
                        + "scheduled finish " + Wording.dateTime(task.finish()) + "; total slack "
                        + signedWork(task.totalSlackMinutes(), perDay) + ".";
                about.add(new Draft(0, task.id(), Reason.DEADLINE_MISSED, title, detail, cause, actorId));
            }
            for (Draft draft : about) {
                for (long userId : people) {
                    drafts.add(new Draft(
                            userId,
                            draft.taskId(),
                            draft.reason(),
                            draft.title(),
                            draft.detail(),
                            draft.cause(),
                            draft.actorId()));
                }
            }
        }
        notifications.store(rescheduled.projectId(), drafts);
    }

    private static String signedWork(long minutes, long perDay) {
        return (minutes < 0 ? "−" : "") + Wording.work(minutes, perDay);
    }

    /**
     * Which edit by whom: the person and what they did, named from the request that made the change (the
     * same wording for the API and the pages), and the task the edit was about.
     */
    private String cause(Optional<CurrentUser> actor, Long editedTaskId) {
        String who = actor.map(CurrentUser::name).orElse("The scheduler");
        String task = editedTaskId == null ? null : taskName(editedTaskId).quoted();
        String what = null;
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            String path = request.getRequestURI();
            String method = request.getMethod();
            if (path.contains("/links")) {
                what = switch (method) {
                            case "DELETE" -> "removed a dependency";
                            case "PATCH" -> "changed a dependency";
                            default ->
                                path.matches(".*/links/\\d+/delete$") ? "removed a dependency" : "added a dependency";
                        }
                        + (task == null ? "" : " of " + task);
            } else if (path.contains("/import")) {
                what = "imported a plan";
            } else if (path.matches(".*/(indent|outdent|move)$")) {
                what = "moved " + (task == null ? "a task" : task) + " in the outline";
            } else if (path.matches(".*/tasks/?$") && method.equals("POST")) {
                what = "added " + (task == null ? "a task" : task);
            } else if (path.matches(".*/tasks/\\d+/?$") && method.equals("DELETE")) {
                what = "deleted a task";
            } else if (path.contains("status-date")) {
                what = "changed the status date";
            } else if (path.contains("/schedule") || path.contains("constraint")) {
                what = "changed the constraint or deadline of " + (task == null ? "a task" : task);
            } else if (path.matches(".*/projects/[^/]+(/settings)?/?$")) {
                what = "changed the project's start or working calendar";
            }
        }
        if (what == null) {
            what = task == null ? "changed the project" : "edited " + task;
        }
        return who + " " + what + ".";
    }

    private record TaskName(String name, String wbs) {
        String quoted() {
            return "“" + name + "” (" + wbs + ")";
        }
    }

    private TaskName taskName(long taskId) {
        return jdbc.sql("select name, array_to_string(outline_path, '.') from task where id = ?")
                .param(taskId)
                .query((rs, n) -> new TaskName(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(new TaskName("a deleted task", "-"));
    }

    private String actorName(long userId) {
        return jdbc.sql("select name from app_user where id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .orElse("Someone");
    }

    /** Working minutes per day of a project's hours ("08:00-12:00,13:00-17:00"). */
    static long minutesPerDay(String workingHours) {
        long minutes = 0;
        for (String range : workingHours.split(",")) {
            String[] ends = range.trim().split("-");
            if (ends.length == 2) {
                minutes += minuteOf(ends[1]) - minuteOf(ends[0]);
            }
        }
        return minutes > 0 ? minutes : 480;
    }

    private static int minuteOf(String time) {
        String[] parts = time.trim().split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }
}
