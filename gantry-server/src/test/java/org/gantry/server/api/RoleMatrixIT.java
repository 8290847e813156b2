package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against every kind of action: allowed (2xx), forbidden (403), or invisible (404 for
 * someone who is not a member). Each case runs on a fresh project so destructive actions do not
 * disturb the next one.
 */
class RoleMatrixIT extends ApiIntegrationTest {

    enum Role {
        ADMIN,
        OWNER,
        MANAGER,
        MEMBER,
        STAKEHOLDER,
        OUTSIDER,
        /** The system role that sees every project in the portfolio without being a member of any. */
        PORTFOLIO_MANAGER
    }

    /** A fresh project with three tasks (A, B, C) and a link A -> B. */
    record Fixture(
            String key,
            long taskA,
            long taskB,
            long taskC,
            long link,
            int versionA,
            int versionC,
            TestUser newcomer,
            long ownersComment,
            long ownersAttachment,
            long ownersTimeEntry,
            long resource,
            long risk,
            long raidEntry,
            long draftChange,
            long submittedChange,
            long sprint,
            long webhook,
            String webhookUrl,
            long scheduleRiskRun,
            long draftReport,
            long publishedReport,
            long outgoingWebhook,
            long shareLink,
            long digest,
            long submittedWeek,
            long activityType,
            long assignment,
            long programme,
            long goal,
            long ownersExpense,
            long budget) {
        String project() {
            return "/api/v1/projects/" + key;
        }

        String reports() {
            return project() + "/status-reports";
        }

        String outgoing() {
            return project() + "/outgoing-webhooks/" + outgoingWebhook;
        }

        String webhookPublicId() {
            return webhookUrl.substring(webhookUrl.lastIndexOf('/') + 1);
        }
    }

    private static final int OK = 200;
    private static final int CREATED = 201;
    private static final int ACCEPTED = 202;
    private static final int GONE = 204;
    private static final int NO = 403;

    /**
     * Expected statuses for ADMIN, OWNER, MANAGER, MEMBER, STAKEHOLDER, and optionally PORTFOLIO_MANAGER; an
     * OUTSIDER gets 404 unless the row says otherwise. A portfolio manager is a member of no project, so
     * without a sixth status they get what an outsider gets.
     */
    enum Action {
        READ_PROJECT((f, api) -> api.get(f.project()), OK, OK, OK, OK, OK),
        LIST_TASKS((f, api) -> api.get(f.project() + "/tasks?size=10"), OK, OK, OK, OK, OK),
        READ_TASK((f, api) -> api.get(f.project() + "/tasks/" + f.taskA()), OK, OK, OK, OK, OK),
        LIST_MEMBERS((f, api) -> api.get(f.project() + "/members"), OK, OK, OK, OK, OK),
        LIST_LINKS((f, api) -> api.get(f.project() + "/links"), OK, OK, OK, OK, OK),
        EDIT_PROJECT(
                (f, api) -> api.patch(f.project(), json("description", "changed", "version", 0)), OK, OK, OK, NO, NO),
        ARCHIVE_PROJECT((f, api) -> api.delete(f.project()), OK, OK, NO, NO, NO),
        ADD_MEMBER(
                (f, api) -> api.post(
                        f.project() + "/members", json("userId", f.newcomer().id(), "role", "MEMBER")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        GRANT_OWNER(
                (f, api) -> api.post(
                        f.project() + "/members", json("userId", f.newcomer().id(), "role", "OWNER")),
                CREATED,
                CREATED,
                NO,
                NO,
                NO),
        CREATE_STATUS(
                (f, api) -> api.post(f.project() + "/statuses", json("name", "Blocked", "category", "IN_PROGRESS")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        CREATE_TASK(
                (f, api) -> api.post(f.project() + "/tasks", json("name", "New")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        EDIT_TASK(
                (f, api) -> api.patch(
                        f.project() + "/tasks/" + f.taskA(), json("percentComplete", 50, "version", f.versionA())),
                OK,
                OK,
                OK,
                OK,
                NO),
        INDENT_TASK(
                (f, api) -> api.post(f.project() + "/tasks/" + f.taskC() + "/indent", json("version", f.versionC())),
                OK,
                OK,
                OK,
                OK,
                NO),
        DELETE_TASK((f, api) -> api.delete(f.project() + "/tasks/" + f.taskB()), GONE, GONE, GONE, NO, NO),
        CREATE_LINK(
                (f, api) -> api.post(
                        f.project() + "/links",
                        json("predecessorId", f.taskB(), "successorId", f.taskC(), "type", "SS")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        DELETE_LINK((f, api) -> api.delete(f.project() + "/links/" + f.link()), GONE, GONE, GONE, GONE, NO),
        LIST_WATCHERS((f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/watchers"), OK, OK, OK, OK, OK),
        WATCH_TASK(
                (f, api) -> api.send("PUT", f.project() + "/tasks/" + f.taskA() + "/watchers/me", null),
                OK,
                OK,
                OK,
                OK,
                OK),
        UNWATCH_TASK((f, api) -> api.delete(f.project() + "/tasks/" + f.taskA() + "/watchers/me"), OK, OK, OK, OK, OK),
        READ_NOTIFICATION_SETTINGS((f, api) -> api.get(f.project() + "/notification-settings"), OK, OK, OK, OK, OK),
        EDIT_NOTIFICATION_SETTINGS(
                (f, api) ->
                        api.patch(f.project() + "/notification-settings", json("moveThreshold", "2d", "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        LIST_COMMENTS((f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/comments"), OK, OK, OK, OK, OK),
        READ_COMMENT((f, api) -> api.get(f.project() + "/comments/" + f.ownersComment()), OK, OK, OK, OK, OK),
        // Commenting changes nothing in the plan: stakeholders may ask their questions too.
        POST_COMMENT(
                (f, api) -> api.post(f.project() + "/tasks/" + f.taskA() + "/comments", json("body", "Hello")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                CREATED),
        // Only its author edits a comment, not even an admin.
        EDIT_OWNERS_COMMENT(
                (f, api) -> api.patch(
                        f.project() + "/comments/" + f.ownersComment(), json("body", "Changed", "version", 0)),
                NO,
                OK,
                NO,
                NO,
                NO),
        RESOLVE_THREAD(
                (f, api) -> api.put(
                        f.project() + "/comments/" + f.ownersComment() + "/resolution",
                        json("resolved", true, "version", 0)),
                OK,
                OK,
                OK,
                OK,
                OK),
        // Its author, and owners and managers (to moderate), delete a comment.
        DELETE_OWNERS_COMMENT(
                (f, api) -> api.delete(f.project() + "/comments/" + f.ownersComment()), GONE, GONE, GONE, NO, NO),
        READ_ACTIVITY((f, api) -> api.get(f.project() + "/activity?size=5"), OK, OK, OK, OK, OK),
        EXPORT_ACTIVITY((f, api) -> api.get(f.project() + "/activity/export"), OK, OK, OK, OK, OK),
        TASK_HISTORY((f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/history"), OK, OK, OK, OK, OK),
        // Attaching a file is like commenting: every member, stakeholders too; reading the project lets one download.
        LIST_ATTACHMENTS((f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/attachments"), OK, OK, OK, OK, OK),
        UPLOAD_ATTACHMENT(
                (f, api) -> api.upload(
                        f.project() + "/tasks/" + f.taskA() + "/attachments",
                        "notes.txt",
                        "notes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Map.of()),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                CREATED),
        // Only a comment's author attaches files to it (the admin is not the author here).
        ATTACH_TO_OWNERS_COMMENT(
                (f, api) -> api.upload(
                        f.project() + "/comments/" + f.ownersComment() + "/attachments",
                        "notes.txt",
                        "notes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Map.of()),
                NO,
                CREATED,
                NO,
                NO,
                NO),
        DOWNLOAD_ATTACHMENT(
                (f, api) -> api.get(f.project() + "/attachments/" + f.ownersAttachment()), OK, OK, OK, OK, OK),
        // Its uploader, and owners and managers, delete an attachment.
        DELETE_OWNERS_ATTACHMENT(
                (f, api) -> api.delete(f.project() + "/attachments/" + f.ownersAttachment()), GONE, GONE, GONE, NO, NO),
        // Live updates: everyone who can read the project may follow it; outsiders learn nothing (404).
        LIVE_EVENTS((f, api) -> api.openStream(f.project() + "/events"), OK, OK, OK, OK, OK),
        LIVE_STATE((f, api) -> api.get(f.project() + "/live"), OK, OK, OK, OK, OK),
        MENTION_CANDIDATES((f, api) -> api.get(f.project() + "/mention-candidates?q=a"), OK, OK, OK, OK, OK),
        // Time: everyone who works logs their own; owners and managers see and change everyone's.
        LIST_TIME_ENTRIES((f, api) -> api.get("/api/v1/time-entries?project=" + f.key()), OK, OK, OK, OK, OK),
        READ_OWNERS_TIME_ENTRY((f, api) -> api.get("/api/v1/time-entries/" + f.ownersTimeEntry()), OK, OK, OK, NO, NO),
        LOG_TIME(
                (f, api) -> api.post(
                        "/api/v1/time-entries", json("taskId", f.taskA(), "date", "2026-03-02", "hours", "1:30")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        EDIT_OWNERS_TIME_ENTRY(
                (f, api) -> api.patch("/api/v1/time-entries/" + f.ownersTimeEntry(), json("hours", "2", "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        DELETE_OWNERS_TIME_ENTRY(
                (f, api) -> api.delete("/api/v1/time-entries/" + f.ownersTimeEntry()), GONE, GONE, GONE, NO, NO),
        // Submitting a week: each person their own (the owner has time that week; the others have none, 409);
        // owners and managers see everyone's submitted weeks and decide on them.
        SUBMIT_WEEK(
                (f, api) -> api.post(f.project() + "/timesheet-submissions", json("week", "2026-03-02")),
                409,
                CREATED,
                409,
                409,
                NO),
        LIST_SUBMITTED_WEEKS((f, api) -> api.get(f.project() + "/timesheet-submissions"), OK, OK, OK, OK, OK),
        READ_OWNERS_SUBMITTED_WEEK(
                (f, api) -> api.get(f.project() + "/timesheet-submissions/" + f.submittedWeek()), OK, OK, OK, NO, NO),
        APPROVE_WEEK(
                (f, api) -> api.post(
                        f.project() + "/timesheet-submissions/" + f.submittedWeek() + "/approve", json("version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        REJECT_WEEK(
                (f, api) -> api.post(
                        f.project() + "/timesheet-submissions/" + f.submittedWeek() + "/reject",
                        json("version", 0, "reason", "Wrong task")),
                OK,
                OK,
                OK,
                NO,
                NO),
        // Actual and remaining work are hours, not money: everyone who sees the task.
        READ_TASK_ACTUALS((f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/actuals"), OK, OK, OK, OK, OK),
        // Activity types: everyone reads them (to log time as one); owners and managers define them.
        LIST_ACTIVITY_TYPES((f, api) -> api.get(f.project() + "/activity-types"), OK, OK, OK, OK, OK),
        DEFINE_ACTIVITY_TYPE(
                (f, api) -> api.post(f.project() + "/activity-types", json("name", "Testing", "billable", true)),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        RENAME_ACTIVITY_TYPE(
                (f, api) -> api.patch(
                        f.project() + "/activity-types/" + f.activityType(), json("name", "Coding", "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        DELETE_ACTIVITY_TYPE(
                (f, api) -> api.delete(f.project() + "/activity-types/" + f.activityType()), GONE, GONE, GONE, NO, NO),
        // Reports of everyone's hours: owners and managers.
        READ_TIME_REPORT((f, api) -> api.get(f.project() + "/time-report?by=task"), OK, OK, OK, NO, NO),
        EXPORT_TIME_REPORT((f, api) -> api.get(f.project() + "/time-report/export?format=xlsx"), OK, OK, OK, NO, NO),
        READ_TIME_SETTINGS((f, api) -> api.get(f.project() + "/time-settings"), OK, OK, OK, OK, OK),
        // Locking periods: owners and administrators only.
        CHANGE_TIME_SETTINGS(
                (f, api) -> api.put(f.project() + "/time-settings", json("lockedBefore", "2026-01-01", "version", 0)),
                OK,
                OK,
                NO,
                NO,
                NO),
        READ_BOARD((f, api) -> api.get(f.project() + "/board"), OK, OK, OK, OK, OK),
        // Each person's own filters and swimlanes: stakeholders keep theirs too (they change nothing shared).
        READ_BOARD_VIEW((f, api) -> api.get(f.project() + "/board/view"), OK, OK, OK, OK, OK),
        READ_BOARD_PREFERENCES((f, api) -> api.get(f.project() + "/board/preferences"), OK, OK, OK, OK, OK),
        SAVE_BOARD_PREFERENCES(
                (f, api) -> api.put(
                        f.project() + "/board/preferences", json("mine", true, "swimlanes", "ASSIGNEE", "version", 0)),
                OK,
                OK,
                OK,
                OK,
                OK),
        READ_DASHBOARD((f, api) -> api.get(f.project() + "/dashboard"), OK, OK, OK, OK, OK),
        READ_DASHBOARD_THRESHOLDS((f, api) -> api.get(f.project() + "/dashboard/thresholds"), OK, OK, OK, OK, OK),
        // The health thresholds change every viewer's colours: owners and managers only.
        SAVE_DASHBOARD_THRESHOLDS(
                (f, api) -> api.put(
                        f.project() + "/dashboard/thresholds",
                        json(
                                "scheduleAmberDays",
                                1,
                                "scheduleRedDays",
                                3,
                                "costAmberCpi",
                                0.9,
                                "costRedCpi",
                                0.8,
                                "scopeAmberTasks",
                                0,
                                "scopeRedTasks",
                                5,
                                "riskScore",
                                15,
                                "riskAmberCount",
                                0,
                                "riskRedCount",
                                2,
                                "version",
                                0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        // Each person's own tiles: stakeholders arrange theirs too.
        READ_DASHBOARD_PREFERENCES((f, api) -> api.get(f.project() + "/dashboard/preferences"), OK, OK, OK, OK, OK),
        SAVE_DASHBOARD_PREFERENCES(
                (f, api) -> api.put(
                        f.project() + "/dashboard/preferences",
                        json("order", java.util.List.of("risk"), "hidden", java.util.List.of("cost"), "version", 0)),
                OK,
                OK,
                OK,
                OK,
                OK),
        READ_STATUS_HISTORY((f, api) -> api.get(f.project() + "/status-history"), OK, OK, OK, OK, OK),
        MOVE_CARD(
                (f, api) -> api.post(
                        f.project() + "/tasks/" + f.taskC() + "/move-card",
                        json("status", "in_progress", "position", 1, "version", f.versionC())),
                OK,
                OK,
                OK,
                OK,
                NO),
        SET_WIP_LIMIT(
                (f, api) -> api.put(
                        f.project() + "/board/columns/in_progress",
                        json("wipLimit", 3, "wipBlocking", true, "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        LIST_SPRINTS((f, api) -> api.get(f.project() + "/sprints"), OK, OK, OK, OK, OK),
        READ_SPRINT((f, api) -> api.get(f.project() + "/sprints/" + f.sprint()), OK, OK, OK, OK, OK),
        READ_BACKLOG((f, api) -> api.get(f.project() + "/backlog"), OK, OK, OK, OK, OK),
        READ_BURNDOWN((f, api) -> api.get(f.project() + "/sprints/" + f.sprint() + "/burndown"), OK, OK, OK, OK, OK),
        READ_VELOCITY((f, api) -> api.get(f.project() + "/velocity"), OK, OK, OK, OK, OK),
        READ_MILESTONE_FORECASTS((f, api) -> api.get(f.project() + "/milestones"), OK, OK, OK, OK, OK),
        READ_CUMULATIVE_FLOW((f, api) -> api.get(f.project() + "/cumulative-flow"), OK, OK, OK, OK, OK),
        READ_CYCLE_TIME((f, api) -> api.get(f.project() + "/cycle-time"), OK, OK, OK, OK, OK),
        // Planning sprints is for owners and managers; members plan their work into them like they move cards.
        CREATE_SPRINT(
                (f, api) -> api.post(f.project() + "/sprints", json("name", "Sprint 2", "endDate", "2026-04-01")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        CHANGE_SPRINT(
                (f, api) -> api.patch(f.project() + "/sprints/" + f.sprint(), json("goal", "Ship", "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        DELETE_SPRINT((f, api) -> api.delete(f.project() + "/sprints/" + f.sprint()), GONE, GONE, GONE, NO, NO),
        START_SPRINT(
                (f, api) -> api.post(f.project() + "/sprints/" + f.sprint() + "/start", json("version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        // The fixture's sprint is planned, not active: those allowed learn that (409).
        COMPLETE_SPRINT(
                (f, api) -> api.post(
                        f.project() + "/sprints/" + f.sprint() + "/complete",
                        json("version", 0, "unfinishedTo", "BACKLOG")),
                409,
                409,
                409,
                NO,
                NO),
        PLAN_TASK(
                (f, api) -> api.post(
                        f.project() + "/tasks/" + f.taskC() + "/plan",
                        json("sprintId", f.sprint(), "position", 1, "version", f.versionC())),
                OK,
                OK,
                OK,
                OK,
                NO),
        // Money is for owners and managers. The fixture has no baseline, so those allowed learn that (409).
        READ_EARNED_VALUE((f, api) -> api.get(f.project() + "/earned-value"), 409, 409, 409, NO, NO),
        EXPORT_EARNED_VALUE((f, api) -> api.get(f.project() + "/earned-value/export"), 409, 409, 409, NO, NO),
        // Fixed costs are money: owners and managers set them.
        SET_FIXED_COST(
                (f, api) -> api.patch(
                        f.project() + "/tasks/" + f.taskC(),
                        json("fixedCost", 250, "fixedCostAccrual", "START", "version", f.versionC())),
                OK,
                OK,
                OK,
                NO,
                NO),
        // Expenses: members record and see their own, owners and managers everyone's, stakeholders none.
        LIST_EXPENSES((f, api) -> api.get(f.project() + "/expenses"), OK, OK, OK, OK, NO),
        READ_OWNERS_EXPENSE((f, api) -> api.get(f.project() + "/expenses/" + f.ownersExpense()), OK, OK, OK, NO, NO),
        RECORD_EXPENSE(
                (f, api) -> api.post(f.project() + "/expenses", json("date", "2026-03-03", "amount", "12.50")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        CHANGE_OWNERS_EXPENSE(
                (f, api) -> api.patch(f.project() + "/expenses/" + f.ownersExpense(), json("amount", 99, "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        DELETE_OWNERS_EXPENSE(
                (f, api) -> api.delete(f.project() + "/expenses/" + f.ownersExpense()), GONE, GONE, GONE, NO, NO),
        // A receipt is like its expense: its spender, owners and managers; not a colleague, not a stakeholder.
        EXPORT_EXPENSES((f, api) -> api.get(f.project() + "/expenses/export?format=csv"), OK, OK, OK, OK, NO),
        READ_OWNERS_RECEIPT(
                (f, api) -> api.get(f.project() + "/expenses/" + f.ownersExpense() + "/receipt"), OK, OK, OK, NO, NO),
        ATTACH_RECEIPT_TO_OWNERS_EXPENSE(
                (f, api) -> api.upload(
                        f.project() + "/expenses/" + f.ownersExpense() + "/receipt",
                        "ticket.pdf",
                        ExpenseReceiptApiIT.PDF,
                        java.util.Map.of()),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        DELETE_OWNERS_RECEIPT(
                (f, api) -> api.delete(f.project() + "/expenses/" + f.ownersExpense() + "/receipt"),
                GONE,
                GONE,
                GONE,
                NO,
                NO),
        // Budgets: owners and managers.
        LIST_BUDGETS((f, api) -> api.get(f.project() + "/budgets"), OK, OK, OK, NO, NO),
        READ_BUDGET((f, api) -> api.get(f.project() + "/budgets/" + f.budget()), OK, OK, OK, NO, NO),
        SET_TASK_BUDGET(
                (f, api) -> api.post(f.project() + "/budgets", json("taskId", f.taskC(), "amount", 800)),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        CHANGE_BUDGET(
                (f, api) -> api.patch(f.project() + "/budgets/" + f.budget(), json("amount", 900, "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        DELETE_BUDGET((f, api) -> api.delete(f.project() + "/budgets/" + f.budget()), GONE, GONE, GONE, NO, NO),
        CREATE_RESOURCE(
                (f, api) -> api.post(f.project() + "/resources", json("name", "Crane", "standardRate", 90)),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        ASSIGN_RESOURCE(
                (f, api) -> api.post(
                        f.project() + "/tasks/" + f.taskA() + "/assignments",
                        json("resourceId", f.resource(), "workHours", 8)),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        DELETE_RESOURCE(
                (f, api) -> api.delete(f.project() + "/resources/" + f.resource() + "?withAssignments=true"),
                GONE,
                GONE,
                GONE,
                NO,
                NO),
        CHANGE_ASSIGNMENT(
                (f, api) -> api.patch(
                        f.project() + "/tasks/" + f.taskC() + "/assignments/" + f.assignment(),
                        json("units", 50, "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        MOVE_ASSIGNMENT(
                (f, api) -> api.post(
                        f.project() + "/tasks/" + f.taskC() + "/assignments/" + f.assignment() + "/move",
                        json("resourceId", f.resource(), "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        REMOVE_ASSIGNMENT(
                (f, api) -> api.delete(f.project() + "/tasks/" + f.taskC() + "/assignments/" + f.assignment()),
                GONE,
                GONE,
                GONE,
                NO,
                NO),
        READ_TASK_TYPE((f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/task-type"), OK, OK, OK, OK, OK),
        // The task type is part of planning a task: who edits tasks sets it.
        SET_TASK_TYPE(
                (f, api) -> api.put(
                        f.project() + "/tasks/" + f.taskA() + "/task-type",
                        json("taskType", "FIXED_WORK", "version", f.versionA())),
                OK,
                OK,
                OK,
                OK,
                NO),
        // Calendars per person and workload: people's time off and load are for owners and managers; a rig's
        // time off is part of the plan everyone reads.
        READ_PROJECT_TIME_OFF((f, api) -> api.get(f.project() + "/time-off"), OK, OK, OK, NO, NO),
        READ_RESOURCE_TIME_OFF(
                (f, api) -> api.get(f.project() + "/resources/" + f.resource() + "/time-off"), OK, OK, OK, OK, OK),
        ADD_RESOURCE_TIME_OFF(
                (f, api) -> api.post(
                        f.project() + "/resources/" + f.resource() + "/time-off",
                        json("firstDay", "2026-03-04", "kind", "OTHER", "note", "Calibration")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        READ_PROJECT_WORKLOAD((f, api) -> api.get(f.project() + "/workload"), OK, OK, OK, NO, NO),
        READ_WORKLOAD_OF_PROJECT((f, api) -> api.get("/api/v1/workload?project=" + f.key()), OK, OK, OK, NO, NO),
        READ_OVERALLOCATIONS((f, api) -> api.get(f.project() + "/overallocations"), OK, OK, OK, OK, OK),
        READ_RATES((f, api) -> api.get(f.project() + "/resources/" + f.resource() + "/rates"), OK, OK, OK, NO, NO),
        ADD_RATE(
                (f, api) -> api.post(
                        f.project() + "/resources/" + f.resource() + "/rates",
                        json("effectiveFrom", "2026-06-01", "standardRate", 70)),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        // The risk register: everyone reads it, the team (members too) raises and edits risks, owners and
        // managers delete them. Monte Carlo writes nothing, so everyone who sees the plan may run it.
        LIST_RISKS((f, api) -> api.get(f.project() + "/risks"), OK, OK, OK, OK, OK),
        READ_RISK((f, api) -> api.get(f.project() + "/risks/" + f.risk()), OK, OK, OK, OK, OK),
        READ_RISK_HEAT_MAP((f, api) -> api.get(f.project() + "/risks/heat-map"), OK, OK, OK, OK, OK),
        READ_RISK_EXPOSURE_TREND((f, api) -> api.get(f.project() + "/risks/exposure-trend"), OK, OK, OK, OK, OK),
        CREATE_RISK(
                (f, api) ->
                        api.post(f.project() + "/risks", json("title", "Late vendor", "probability", 3, "impact", 4)),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        EDIT_RISK(
                (f, api) -> api.patch(f.project() + "/risks/" + f.risk(), json("impact", 5, "version", 0)),
                OK,
                OK,
                OK,
                OK,
                NO),
        DELETE_RISK((f, api) -> api.delete(f.project() + "/risks/" + f.risk()), GONE, GONE, GONE, NO, NO),
        // A risk that occurred becomes an issue: editing the risk and raising the issue, so the team does it.
        RISK_OCCURRED(
                (f, api) -> api.post(f.project() + "/risks/" + f.risk() + "/occurred", json("version", 0)),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        // The RAID log as the risk register: everyone reads it, the team adds and edits entries, owners and
        // managers delete them.
        LIST_RAID((f, api) -> api.get(f.project() + "/raid?type=ISSUE"), OK, OK, OK, OK, OK),
        READ_RAID_ENTRY((f, api) -> api.get(f.project() + "/raid/" + f.raidEntry()), OK, OK, OK, OK, OK),
        EXPORT_RAID_CSV((f, api) -> api.get(f.project() + "/raid/export?format=csv"), OK, OK, OK, OK, OK),
        EXPORT_RAID_XLSX((f, api) -> api.get(f.project() + "/raid/export?format=xlsx&type=ISSUE"), OK, OK, OK, OK, OK),
        CREATE_RAID_ENTRY(
                (f, api) -> api.post(f.project() + "/raid", json("type", "DEPENDENCY", "title", "Vendor sandbox")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        EDIT_RAID_ENTRY(
                (f, api) ->
                        api.patch(f.project() + "/raid/" + f.raidEntry(), json("status", "IN_PROGRESS", "version", 0)),
                OK,
                OK,
                OK,
                OK,
                NO),
        DELETE_RAID_ENTRY((f, api) -> api.delete(f.project() + "/raid/" + f.raidEntry()), GONE, GONE, GONE, NO, NO),
        // Comments on a RAID entry as on a task: everyone who sees the project reads and writes them.
        LIST_RAID_COMMENTS(
                (f, api) -> api.get(f.project() + "/raid/" + f.raidEntry() + "/comments"), OK, OK, OK, OK, OK),
        COMMENT_ON_RAID_ENTRY(
                (f, api) -> api.post(
                        f.project() + "/raid/" + f.raidEntry() + "/comments", json("body", "Facilities are on it")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                CREATED),
        // Files on the entries themselves and on risks: everyone reads them, the team (not stakeholders) attaches.
        LIST_RAID_ENTRY_FILES(
                (f, api) -> api.get(f.project() + "/raid/" + f.raidEntry() + "/attachments"), OK, OK, OK, OK, OK),
        ATTACH_TO_RAID_ENTRY(
                (f, api) -> api.upload(
                        f.project() + "/raid/" + f.raidEntry() + "/attachments",
                        "minutes.txt",
                        "minutes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Map.of()),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        LIST_RISK_FILES((f, api) -> api.get(f.project() + "/risks/" + f.risk() + "/attachments"), OK, OK, OK, OK, OK),
        ATTACH_TO_RISK(
                (f, api) -> api.upload(
                        f.project() + "/risks/" + f.risk() + "/attachments",
                        "minutes.txt",
                        "minutes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Map.of()),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        // Comments on a risk as on a RAID entry: everyone who sees the project reads and writes them.
        LIST_RISK_COMMENTS((f, api) -> api.get(f.project() + "/risks/" + f.risk() + "/comments"), OK, OK, OK, OK, OK),
        COMMENT_ON_RISK(
                (f, api) ->
                        api.post(f.project() + "/risks/" + f.risk() + "/comments", json("body", "Vendor confirmed")),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                CREATED),
        RUN_SCHEDULE_RISK(
                (f, api) -> api.post(f.project() + "/schedule-risk", json("iterations", 200)), OK, OK, OK, OK, OK),
        // Stored runs: anyone who sees the project starts one (it changes nothing in the plan) and reads them;
        // owners, managers and its starter (the owner here) delete one.
        START_SCHEDULE_RISK_RUN(
                (f, api) -> api.post(f.project() + "/schedule-risk/runs", json("iterations", 100)),
                ACCEPTED,
                ACCEPTED,
                ACCEPTED,
                ACCEPTED,
                ACCEPTED),
        LIST_SCHEDULE_RISK_RUNS((f, api) -> api.get(f.project() + "/schedule-risk/runs"), OK, OK, OK, OK, OK),
        READ_SCHEDULE_RISK_RUN(
                (f, api) -> api.get(f.project() + "/schedule-risk/runs/" + f.scheduleRiskRun()), OK, OK, OK, OK, OK),
        DELETE_SCHEDULE_RISK_RUN(
                (f, api) -> api.delete(f.project() + "/schedule-risk/runs/" + f.scheduleRiskRun()),
                GONE,
                GONE,
                GONE,
                NO,
                NO),
        // Levelling is the plan's owners' and managers' call: the rest may not even preview it. An apply, a
        // clear and an undo send the schedule version the caller reads first (0 for those who may not read it).
        READ_LEVELLING((f, api) -> api.get(f.project() + "/levelling"), OK, OK, OK, NO, NO),
        PREVIEW_LEVELLING((f, api) -> api.get(f.project() + "/levelling/preview?mode=OPTIMISING"), OK, OK, OK, NO, NO),
        APPLY_LEVELLING(
                (f, api) -> api.post(f.project() + "/levelling", json("version", levellingVersion(f, api))),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        CLEAR_LEVELLING(
                (f, api) -> api.post(f.project() + "/levelling/clear", json("version", levellingVersion(f, api))),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        UNDO_LEVELLING(
                (f, api) -> {
                    Response applied = api.post(f.project() + "/levelling", json("version", levellingVersion(f, api)));
                    long run =
                            applied.status() == 201 ? applied.body().get("run").asLong() : 1;
                    return api.post(f.project() + "/levelling/" + run + "/undo", json());
                },
                OK,
                OK,
                OK,
                NO,
                NO),
        READ_TASK_LEVELLING(
                (f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/levelling"), OK, OK, OK, NO, NO),
        CHANGE_TASK_LEVELLING(
                (f, api) -> api.patch(
                        f.project() + "/tasks/" + f.taskC() + "/levelling",
                        json("priority", 1000, "version", f.versionC())),
                OK,
                OK,
                OK,
                NO,
                NO),
        // Status reports: owners and managers write them; members read every one, stakeholders the published.
        LIST_STATUS_REPORTS((f, api) -> api.get(f.reports()), OK, OK, OK, OK, OK),
        READ_DRAFT_STATUS_REPORT((f, api) -> api.get(f.reports() + "/" + f.draftReport()), OK, OK, OK, OK, NO),
        READ_PUBLISHED_STATUS_REPORT((f, api) -> api.get(f.reports() + "/" + f.publishedReport()), OK, OK, OK, OK, OK),
        DOWNLOAD_DRAFT_STATUS_REPORT_PDF(
                (f, api) -> api.get(f.reports() + "/" + f.draftReport() + ".pdf"), OK, OK, OK, OK, NO),
        DOWNLOAD_PUBLISHED_STATUS_REPORT_PDF(
                (f, api) -> api.get(f.reports() + "/" + f.publishedReport() + "?format=pdf"), OK, OK, OK, OK, OK),
        DOWNLOAD_PUBLISHED_STATUS_REPORT_XLSX(
                (f, api) -> api.get(f.reports() + "/" + f.publishedReport() + ".xlsx"), OK, OK, OK, OK, OK),
        CREATE_STATUS_REPORT(
                (f, api) -> api.post(f.reports(), json("nextPeriodDays", 7)), CREATED, CREATED, CREATED, NO, NO),
        EDIT_STATUS_REPORT(
                (f, api) -> api.patch(f.reports() + "/" + f.draftReport(), json("summary", "On track", "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        PUBLISH_STATUS_REPORT(
                (f, api) -> api.post(f.reports() + "/" + f.draftReport() + "/publish", json("version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        DELETE_STATUS_REPORT((f, api) -> api.delete(f.reports() + "/" + f.draftReport()), GONE, GONE, GONE, NO, NO),
        // One-click reports: everyone who reads the project reads them; the workload (people's load across all
        // their projects) is for owners and managers, as on the Workload tab.
        LIST_ONE_CLICK_REPORTS((f, api) -> api.get(f.project() + "/reports"), OK, OK, OK, OK, OK),
        READ_SCHEDULE_REPORT((f, api) -> api.get(f.project() + "/reports/schedule"), OK, OK, OK, OK, OK),
        READ_MILESTONE_REPORT_PDF(
                (f, api) -> api.get(f.project() + "/reports/milestones?format=pdf"), OK, OK, OK, OK, OK),
        READ_LATE_TASK_REPORT_XLSX(
                (f, api) -> api.get(f.project() + "/reports/late-tasks?format=xlsx&date=2026-03-06"),
                OK,
                OK,
                OK,
                OK,
                OK),
        READ_BASELINE_VARIANCE_REPORT(
                (f, api) -> api.get(f.project() + "/reports/baseline-variance?baseline=0"), OK, OK, OK, OK, OK),
        READ_WORKLOAD_REPORT((f, api) -> api.get(f.project() + "/reports/workload"), OK, OK, OK, NO, NO),
        CREATE_GANTT_SHARE_LINK(
                (f, api) -> api.post(f.project() + "/share-links", json("target", "GANTT")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        LIST_SHARE_LINKS((f, api) -> api.get(f.project() + "/share-links"), OK, OK, OK, NO, NO),
        CREATE_SHARE_LINK(
                (f, api) -> api.post(
                        f.project() + "/share-links",
                        json("target", "REPORT", "reportId", f.publishedReport(), "label", "Sponsor")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        REVOKE_SHARE_LINK(
                (f, api) -> api.delete(f.project() + "/share-links/" + f.shareLink()), GONE, GONE, GONE, NO, NO),
        LIST_DIGESTS((f, api) -> api.get(f.project() + "/digests"), OK, OK, OK, NO, NO),
        CREATE_DIGEST(
                (f, api) -> api.post(
                        f.project() + "/digests",
                        json("recipients", List.of("sponsor@example.com"), "cadence", "DAILY", "sendAt", "08:00")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        DELETE_DIGEST((f, api) -> api.delete(f.project() + "/digests/" + f.digest()), GONE, GONE, GONE, NO, NO),
        // Change requests: everyone reads them and their impact, the team drafts and submits, owners and managers
        // decide (the change board) and delete; a member deletes only their own draft (the owner wrote this one).
        LIST_CHANGE_REQUESTS((f, api) -> api.get(f.project() + "/change-requests"), OK, OK, OK, OK, OK),
        READ_CHANGE_REQUEST(
                (f, api) -> api.get(f.project() + "/change-requests/" + f.draftChange()), OK, OK, OK, OK, OK),
        READ_CHANGE_IMPACT(
                (f, api) -> api.get(f.project() + "/change-requests/" + f.draftChange() + "/impact"),
                OK,
                OK,
                OK,
                OK,
                OK),
        CREATE_CHANGE_REQUEST(
                (f, api) -> api.post(
                        f.project() + "/change-requests",
                        json(
                                "title",
                                "Longer C",
                                "edits",
                                List.of(json("type", "CHANGE_DURATION", "taskId", f.taskC(), "duration", "3d")))),
                CREATED,
                CREATED,
                CREATED,
                CREATED,
                NO),
        EDIT_CHANGE_REQUEST(
                (f, api) -> api.patch(
                        f.project() + "/change-requests/" + f.draftChange(), json("reason", "Customer", "version", 0)),
                OK,
                OK,
                OK,
                OK,
                NO),
        DELETE_CHANGE_REQUEST(
                (f, api) -> api.delete(f.project() + "/change-requests/" + f.draftChange()), GONE, GONE, GONE, NO, NO),
        SUBMIT_CHANGE_REQUEST(
                (f, api) -> api.post(f.project() + "/change-requests/" + f.draftChange() + "/submit", null),
                OK,
                OK,
                OK,
                OK,
                NO),
        APPROVE_CHANGE_REQUEST(
                (f, api) -> api.post(f.project() + "/change-requests/" + f.submittedChange() + "/approve", null),
                OK,
                OK,
                OK,
                NO,
                NO),
        REJECT_CHANGE_REQUEST(
                (f, api) -> api.post(f.project() + "/change-requests/" + f.submittedChange() + "/reject", null),
                OK,
                OK,
                OK,
                NO,
                NO),
        DEFER_CHANGE_REQUEST(
                (f, api) -> api.post(f.project() + "/change-requests/" + f.submittedChange() + "/defer", null),
                OK,
                OK,
                OK,
                NO,
                NO),
        // Webhooks hold secrets that let a sender write into the project: owners and managers only. The
        // development panel of a task is for everyone who sees the project.
        LIST_WEBHOOKS((f, api) -> api.get(f.project() + "/webhooks"), OK, OK, OK, NO, NO),
        READ_WEBHOOK((f, api) -> api.get(f.project() + "/webhooks/" + f.webhook()), OK, OK, OK, NO, NO),
        CREATE_WEBHOOK(
                (f, api) -> api.post(f.project() + "/webhooks", json("name", "CI", "provider", "gitlab")),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        ROTATE_WEBHOOK_SECRET(
                (f, api) -> api.post(f.project() + "/webhooks/" + f.webhook() + "/rotate-secret", json("version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        DELETE_WEBHOOK((f, api) -> api.delete(f.project() + "/webhooks/" + f.webhook()), GONE, GONE, GONE, NO, NO),
        READ_DEVELOPMENT((f, api) -> api.get(f.project() + "/tasks/" + f.taskA() + "/development"), OK, OK, OK, OK, OK),
        READ_SIGNALS((f, api) -> api.get(f.project() + "/signals"), OK, OK, OK, OK, OK),
        READ_DELIVERY_METRICS(
                (f, api) -> api.get(f.project() + "/delivery-metrics?from=2026-01-01&to=2026-03-31"),
                OK,
                OK,
                OK,
                OK,
                OK),
        READ_STATUS_RULES((f, api) -> api.get(f.project() + "/status-rules"), OK, OK, OK, OK, OK),
        SET_STATUS_RULES(
                (f, api) -> api.put(f.project() + "/status-rules", json("pullRequestMerged", "done", "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO),
        // Releases are for everyone in the project; linking one to a milestone is planning (release 0 never
        // exists: who may link learns there is nothing to link).
        LIST_RELEASES((f, api) -> api.get(f.project() + "/releases"), OK, OK, OK, OK, OK),
        LINK_RELEASE_TO_MILESTONE(
                (f, api) -> api.put(f.project() + "/releases/0/milestone", json("milestoneTaskId", null, "version", 0)),
                404,
                404,
                404,
                NO,
                NO),
        // Outgoing webhooks carry a signing secret and make the server call out: owners and managers only.
        LIST_OUTGOING_WEBHOOKS((f, api) -> api.get(f.project() + "/outgoing-webhooks"), OK, OK, OK, NO, NO),
        READ_OUTGOING_WEBHOOK((f, api) -> api.get(f.outgoing()), OK, OK, OK, NO, NO),
        CREATE_OUTGOING_WEBHOOK(
                (f, api) -> api.post(
                        f.project() + "/outgoing-webhooks",
                        json("url", "https://chat.example.invalid/other", "active", false)),
                CREATED,
                CREATED,
                CREATED,
                NO,
                NO),
        UPDATE_OUTGOING_WEBHOOK(
                (f, api) -> api.put(f.outgoing(), json("name", "Renamed", "version", 0)), OK, OK, OK, NO, NO),
        ROTATE_OUTGOING_WEBHOOK_SECRET(
                (f, api) -> api.post(f.outgoing() + "/rotate-secret", json("version", 0)), OK, OK, OK, NO, NO),
        READ_OUTGOING_DELIVERIES((f, api) -> api.get(f.outgoing() + "/deliveries"), OK, OK, OK, NO, NO),
        // Delivery 0 never exists: who may redeliver learns there is nothing to send.
        REDELIVER_OUTGOING((f, api) -> api.post(f.outgoing() + "/deliveries/0/redeliver", null), 404, 404, 404, NO, NO),
        DELETE_OUTGOING_WEBHOOK((f, api) -> api.delete(f.outgoing()), GONE, GONE, GONE, NO, NO),
        READ_OUTGOING_SETTINGS(NO, (f, api) -> api.get("/api/v1/admin/outgoing-webhooks"), OK, NO, NO, NO, NO),
        // Without a version: the admin passes the permission check and is told what is missing.
        CHANGE_OUTGOING_SETTINGS(
                NO,
                (f, api) -> api.put("/api/v1/admin/outgoing-webhooks", json("allowPrivateAddresses", false)),
                400,
                NO,
                NO,
                NO,
                NO),
        // The delivery path takes no login: a token, anyone's, is no signature (401 for all).
        DELIVER_UNSIGNED(
                401,
                (f, api) -> api.post("/api/v1/hooks/" + f.webhookPublicId(), json("zen", "Keep it logically awesome.")),
                401,
                401,
                401,
                401,
                401),
        // System administration: no project involved, so an outsider is refused like everyone else.
        LIST_LOGIN_LOCKS(NO, (f, api) -> api.get("/api/v1/admin/login-locks"), OK, NO, NO, NO, NO),
        // Lock 0 never exists: the admin passes the permission check and learns there is nothing to clear.
        CLEAR_LOGIN_LOCK(NO, (f, api) -> api.delete("/api/v1/admin/login-locks/0"), 404, NO, NO, NO, NO),
        READ_AUDIT_LOG(NO, (f, api) -> api.get("/api/v1/admin/audit?size=5"), OK, NO, NO, NO, NO),
        // Everyone's portfolio of the projects they may see, outsiders included (theirs lacks this project).
        READ_PORTFOLIO(OK, (f, api) -> api.get("/api/v1/portfolio"), OK, OK, OK, OK, OK),
        // Everyone's own work across their projects, outsiders included (theirs is empty).
        READ_MY_WORK(OK, (f, api) -> api.get("/api/v1/my-work"), OK, OK, OK, OK, OK),
        // Everyone's own two-factor status; only admins reset someone's (user 0 never exists: 404).
        READ_OWN_TWO_FACTOR(OK, (f, api) -> api.get("/api/v1/me/two-factor"), OK, OK, OK, OK, OK),
        // Self-service for everyone: start an enrolment, a wrong first code (400), turning off what is off (409).
        START_OWN_TWO_FACTOR(OK, (f, api) -> api.post("/api/v1/me/two-factor", null), OK, OK, OK, OK, OK),
        CONFIRM_OWN_TWO_FACTOR(
                400,
                (f, api) -> api.post("/api/v1/me/two-factor/confirm", json("code", "not-a-code")),
                400,
                400,
                400,
                400,
                400),
        DISABLE_OWN_TWO_FACTOR(
                409,
                (f, api) -> api.post("/api/v1/me/two-factor/disable", json("code", "000000")),
                409,
                409,
                409,
                409,
                409),
        RESET_TWO_FACTOR(NO, (f, api) -> api.delete("/api/v1/users/0/two-factor"), 404, NO, NO, NO, NO),
        READ_SIGN_IN_SETTINGS(NO, (f, api) -> api.get("/api/v1/admin/sign-in"), OK, NO, NO, NO, NO),
        // Without a version: the admin passes the permission check and is told what is missing.
        CHANGE_SIGN_IN_SETTINGS(
                NO, (f, api) -> api.send("PUT", "/api/v1/admin/sign-in", json("ssoOnly", false)), 400, NO, NO, NO, NO),
        // Operations, asked through a proxy (a request made on the server's own machine reaches metrics too).
        READ_HEALTH_PROBE(
                OK, (f, api) -> api.forwardedFor("203.0.113.7").get("/actuator/health/readiness"), OK, OK, OK, OK, OK),
        READ_METRICS(NO, (f, api) -> api.forwardedFor("203.0.113.7").get("/actuator/metrics"), OK, NO, NO, NO, NO),
        // The portfolio's strategy: everyone reads programmes and goals; admins and portfolio managers keep them.
        LIST_PROGRAMMES(OK, (f, api) -> api.get("/api/v1/programmes"), OK, OK, OK, OK, OK, OK),
        READ_PROGRAMME(OK, (f, api) -> api.get("/api/v1/programmes/" + f.programme()), OK, OK, OK, OK, OK, OK),
        CREATE_PROGRAMME(
                NO,
                (f, api) -> api.post("/api/v1/programmes", json("name", "Programme " + f.key())),
                CREATED,
                NO,
                NO,
                NO,
                NO,
                CREATED),
        UPDATE_PROGRAMME(
                NO,
                (f, api) ->
                        api.patch("/api/v1/programmes/" + f.programme(), json("description", "Changed", "version", 0)),
                OK,
                NO,
                NO,
                NO,
                NO,
                OK),
        DELETE_PROGRAMME(NO, (f, api) -> api.delete("/api/v1/programmes/" + f.programme()), GONE, NO, NO, NO, NO, GONE),
        LIST_GOALS(OK, (f, api) -> api.get("/api/v1/strategic-goals"), OK, OK, OK, OK, OK, OK),
        READ_GOAL(OK, (f, api) -> api.get("/api/v1/strategic-goals/" + f.goal()), OK, OK, OK, OK, OK, OK),
        CREATE_GOAL(
                NO,
                (f, api) -> api.post("/api/v1/strategic-goals", json("name", "Goal " + f.key(), "weight", 2)),
                CREATED,
                NO,
                NO,
                NO,
                NO,
                CREATED),
        UPDATE_GOAL(
                NO,
                (f, api) -> api.patch("/api/v1/strategic-goals/" + f.goal(), json("weight", 7, "version", 0)),
                OK,
                NO,
                NO,
                NO,
                NO,
                OK),
        DELETE_GOAL(NO, (f, api) -> api.delete("/api/v1/strategic-goals/" + f.goal()), GONE, NO, NO, NO, NO, GONE),
        // A project's place in the portfolio: its members read it, its owner places it, owners and managers
        // score it; a portfolio manager does both without being a member.
        READ_PLACEMENT((f, api) -> api.get(f.project() + "/portfolio"), OK, OK, OK, OK, OK, OK),
        PLACE_PROJECT(
                (f, api) -> api.put(
                        f.project() + "/portfolio",
                        json("programmeId", f.programme(), "proposed", true, "estimatedCost", 1000, "version", 0)),
                OK,
                OK,
                NO,
                NO,
                NO,
                OK),
        SCORE_PROJECT(
                (f, api) -> api.put(f.project() + "/goal-scores/" + f.goal(), json("score", 4, "version", 0)),
                OK,
                OK,
                OK,
                NO,
                NO,
                OK),
        READ_WHAT_IF(OK, (f, api) -> api.get("/api/v1/portfolio/what-if?budget=1000"), OK, OK, OK, OK, OK, OK),
        // Without a version: the admin passes the permission check and is told what is missing.
        GRANT_PORTFOLIO_MANAGER(
                NO,
                (f, api) -> api.patch("/api/v1/users/" + f.newcomer().id(), json("portfolioManager", true)),
                400,
                NO,
                NO,
                NO,
                NO,
                NO);

        /** The rows that need a programme and a strategic goal of their own (removed after the case). */
        boolean needsStrategy() {
            return name().contains("PROGRAMME")
                    || name().contains("GOAL")
                    || this == PLACE_PROJECT
                    || this == SCORE_PROJECT;
        }

        final BiFunction<Fixture, ApiClient, Response> call;
        final int[] expected;
        final int outsider;

        Action(BiFunction<Fixture, ApiClient, Response> call, int... expected) {
            this(404, call, expected);
        }

        Action(int outsider, BiFunction<Fixture, ApiClient, Response> call, int... expected) {
            this.call = call;
            this.expected = expected;
            this.outsider = outsider;
        }

        int expectedFor(Role role) {
            if (role == Role.PORTFOLIO_MANAGER) {
                return expected.length > Role.PORTFOLIO_MANAGER.ordinal() - 1
                        ? expected[Role.PORTFOLIO_MANAGER.ordinal() - 1]
                        : outsider;
            }
            return role == Role.OUTSIDER ? outsider : expected[role.ordinal()];
        }
    }

    /** The project's schedule version as {@code api}'s caller reads it, or 0 when they may not. */
    private static long levellingVersion(Fixture f, ApiClient api) {
        Response state = api.get(f.project() + "/levelling");
        return state.status() == 200 ? state.body().get("version").asLong() : 0;
    }

    private static volatile List<TestUser> people;

    /**
     * The cases, all of them unless {@code -Dgantry.roleMatrix.actions} names parts of action names
     * (comma-separated, e.g. STATUS_REPORT), to check new rows without running the whole matrix.
     */
    static Stream<Arguments> cases() {
        List<String> only = java.util.Arrays.stream(
                        System.getProperty("gantry.roleMatrix.actions", "").split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
        List<Arguments> cases = new ArrayList<>();
        for (Action action : Action.values()) {
            if (!only.isEmpty() && only.stream().noneMatch(part -> action.name().contains(part))) {
                continue;
            }
            for (Role role : Role.values()) {
                cases.add(Arguments.of(role, action));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void eachRoleMayDoExactlyWhatItsRoleAllows(Role role, Action action) {
        List<TestUser> users = people();
        TestUser owner = users.get(Role.OWNER.ordinal());
        Fixture fixture = fixture(owner, users, action.needsStrategy());
        ApiClient caller =
                role == Role.ADMIN ? admin() : users.get(role.ordinal()).api();

        Response response = action.call.apply(fixture, caller);

        try {
            assertThat(response.status())
                    .as(role + " " + action + ": " + response)
                    .isEqualTo(action.expectedFor(role));
            if (response.status() >= 400) {
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            }
        } finally {
            // Goals weigh in every project's alignment: leave none behind for the tests that measure it.
            if (response.status() == CREATED && (action == Action.CREATE_GOAL || action == Action.CREATE_PROGRAMME)) {
                admin().delete((action == Action.CREATE_GOAL ? "/api/v1/strategic-goals/" : "/api/v1/programmes/")
                        + response.body().get("id").asLong());
            }
            if (fixture.goal() != 0) {
                admin().delete("/api/v1/strategic-goals/" + fixture.goal());
                admin().delete("/api/v1/programmes/" + fixture.programme());
            }
        }
    }

    private Fixture fixture(TestUser owner, List<TestUser> users, boolean withStrategy) {
        String key = newProject(owner);
        addMember(owner.api(), key, users.get(Role.MANAGER.ordinal()), "MANAGER");
        addMember(owner.api(), key, users.get(Role.MEMBER.ordinal()), "MEMBER");
        addMember(owner.api(), key, users.get(Role.STAKEHOLDER.ordinal()), "STAKEHOLDER");
        long a = createTask(owner.api(), key, "A", null).get("id").asLong();
        long b = createTask(owner.api(), key, "B", null).get("id").asLong();
        long c = createTask(owner.api(), key, "C", null).get("id").asLong();
        Response link =
                owner.api().post("/api/v1/projects/" + key + "/links", json("predecessorId", a, "successorId", b));
        assertThat(link.status()).isEqualTo(201);
        // The scheduler may have moved (and so re-versioned) the tasks the link touches.
        int versionA = owner.api()
                .get("/api/v1/projects/" + key + "/tasks/" + a)
                .body()
                .get("version")
                .asInt();
        int versionC = owner.api()
                .get("/api/v1/projects/" + key + "/tasks/" + c)
                .body()
                .get("version")
                .asInt();
        Response comment =
                owner.api().post("/api/v1/projects/" + key + "/tasks/" + a + "/comments", json("body", "Owner's note"));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        Response attachment = owner.api()
                .upload(
                        "/api/v1/projects/" + key + "/tasks/" + a + "/attachments",
                        "plan.txt",
                        "the plan".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Map.of());
        assertThat(attachment.status()).as(attachment.toString()).isEqualTo(201);
        Response timeEntry =
                owner.api().post("/api/v1/time-entries", json("taskId", a, "date", "2026-03-02", "hours", "1"));
        assertThat(timeEntry.status()).as(timeEntry.toString()).isEqualTo(201);
        Response laterEntry =
                owner.api().post("/api/v1/time-entries", json("taskId", a, "date", "2026-03-09", "hours", "2"));
        assertThat(laterEntry.status()).as(laterEntry.toString()).isEqualTo(201);
        Response submittedWeek =
                owner.api().post("/api/v1/projects/" + key + "/timesheet-submissions", json("week", "2026-03-09"));
        assertThat(submittedWeek.status()).as(submittedWeek.toString()).isEqualTo(201);
        Response activityType =
                owner.api().post("/api/v1/projects/" + key + "/activity-types", json("name", "Development"));
        assertThat(activityType.status()).as(activityType.toString()).isEqualTo(201);
        Response resource =
                owner.api().post("/api/v1/projects/" + key + "/resources", json("name", "Pump", "standardRate", 30));
        assertThat(resource.status()).as(resource.toString()).isEqualTo(201);
        Response assignment = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/tasks/" + c + "/assignments",
                        json("resourceId", resource.body().get("id").asLong()));
        assertThat(assignment.status()).as(assignment.toString()).isEqualTo(201);
        Response risk = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/risks",
                        json("title", "Key person leaves", "probability", 2, "impact", 4));
        assertThat(risk.status()).as(risk.toString()).isEqualTo(201);
        Response raidEntry =
                owner.api().post("/api/v1/projects/" + key + "/raid", json("type", "ISSUE", "title", "Build red"));
        assertThat(raidEntry.status()).as(raidEntry.toString()).isEqualTo(201);
        Response draftChange = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/change-requests",
                        json(
                                "title",
                                "Longer A",
                                "edits",
                                List.of(json("type", "CHANGE_DURATION", "taskId", a, "duration", "2d"))));
        assertThat(draftChange.status()).as(draftChange.toString()).isEqualTo(201);
        Response submittedChange = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/change-requests",
                        json(
                                "title",
                                "Add a review",
                                "edits",
                                List.of(json("type", "ADD_TASK", "name", "Review", "predecessorIds", List.of(b)))));
        assertThat(submittedChange.status()).as(submittedChange.toString()).isEqualTo(201);
        long submitted = submittedChange.body().get("id").asLong();
        Response submit =
                owner.api().post("/api/v1/projects/" + key + "/change-requests/" + submitted + "/submit", null);
        assertThat(submit.status()).as(submit.toString()).isEqualTo(200);
        Response sprint = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/sprints",
                        json("name", "Sprint 1", "startDate", "2026-03-02", "endDate", "2026-03-13"));
        assertThat(sprint.status()).as(sprint.toString()).isEqualTo(201);
        Response webhook =
                owner.api().post("/api/v1/projects/" + key + "/webhooks", json("name", "Repo", "provider", "github"));
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        // Off: the fixture's changes queue nothing for a host that does not exist.
        Response outgoing = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/outgoing-webhooks",
                        json("name", "Chat", "url", "https://chat.example.invalid/hook", "active", false));
        assertThat(outgoing.status()).as(outgoing.toString()).isEqualTo(201);
        long scheduleRiskRun = finishedRun(owner.api(), key);
        String reports = "/api/v1/projects/" + key + "/status-reports";
        Response draftReport = owner.api().post(reports, null);
        assertThat(draftReport.status()).as(draftReport.toString()).isEqualTo(201);
        Response publishedReport = owner.api().post(reports, null);
        assertThat(publishedReport.status()).as(publishedReport.toString()).isEqualTo(201);
        long published = publishedReport.body().get("id").asLong();
        Response publish = owner.api().post(reports + "/" + published + "/publish", json("version", 0));
        assertThat(publish.status()).as(publish.toString()).isEqualTo(200);
        Response shareLink = owner.api().post("/api/v1/projects/" + key + "/share-links", json("target", "DASHBOARD"));
        assertThat(shareLink.status()).as(shareLink.toString()).isEqualTo(201);
        Response digest = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/digests",
                        json(
                                "recipients",
                                List.of("board@example.com"),
                                "cadence",
                                "WEEKLY",
                                "weekday",
                                "MONDAY",
                                "sendAt",
                                "09:00"));
        assertThat(digest.status()).as(digest.toString()).isEqualTo(201);
        long programme = 0;
        long goal = 0;
        if (withStrategy) {
            programme = GantryApi.created(admin().post("/api/v1/programmes", json("name", "Matrix " + key)))
                    .get("id")
                    .asLong();
            goal = GantryApi.created(
                            admin().post("/api/v1/strategic-goals", json("name", "Matrix " + key, "weight", 1)))
                    .get("id")
                    .asLong();
        }
        Response expense = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/expenses",
                        json("date", "2026-03-02", "amount", "40", "note", "Train"));
        assertThat(expense.status()).as(expense.toString()).isEqualTo(201);
        Response receipt = owner.api()
                .upload(
                        "/api/v1/projects/" + key + "/expenses/"
                                + expense.body().get("id").asLong() + "/receipt",
                        "ticket.pdf",
                        ExpenseReceiptApiIT.PDF,
                        java.util.Map.of());
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        Response budget = owner.api().post("/api/v1/projects/" + key + "/budgets", json("amount", 10000));
        assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
        return new Fixture(
                key,
                a,
                b,
                c,
                link.body().get("id").asLong(),
                versionA,
                versionC,
                users.get(Role.values().length),
                comment.body().get("id").asLong(),
                attachment.body().get("id").asLong(),
                timeEntry.body().get("id").asLong(),
                resource.body().get("id").asLong(),
                risk.body().get("id").asLong(),
                raidEntry.body().get("id").asLong(),
                draftChange.body().get("id").asLong(),
                submitted,
                sprint.body().get("id").asLong(),
                webhook.body().get("webhook").get("id").asLong(),
                webhook.body().get("webhook").get("url").asString(),
                scheduleRiskRun,
                draftReport.body().get("id").asLong(),
                published,
                outgoing.body().get("webhook").get("id").asLong(),
                shareLink.body().get("link").get("id").asLong(),
                digest.body().get("id").asLong(),
                submittedWeek.body().get("id").asLong(),
                activityType.body().get("id").asLong(),
                assignment.body().get("id").asLong(),
                programme,
                goal,
                expense.body().get("id").asLong(),
                budget.body().get("id").asLong());
    }

    /** A stored Monte Carlo run of the owner's, waited for (a project runs one at a time). */
    private static long finishedRun(ApiClient owner, String key) {
        String runs = "/api/v1/projects/" + key + "/schedule-risk/runs";
        Response started = owner.post(runs, json("iterations", 100));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String state = owner.get(runs + "/" + id).body().get("state").asString();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return id;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " did not end");
    }

    /** One user per role (the admin's slot unused) plus a newcomer to add; created once per JVM. */
    private List<TestUser> people() {
        if (people == null) {
            List<TestUser> users = new ArrayList<>();
            for (Role role : Role.values()) {
                users.add(role == Role.ADMIN ? null : newUser(role.name().toLowerCase()));
            }
            TestUser portfolioManager = users.get(Role.PORTFOLIO_MANAGER.ordinal());
            int version = GantryApi.ok(admin().get("/api/v1/users/" + portfolioManager.id()))
                    .get("version")
                    .asInt();
            GantryApi.ok(admin().patch(
                            "/api/v1/users/" + portfolioManager.id(),
                            json("portfolioManager", true, "version", version)));
            users.add(newUser("newcomer"));
            people = users;
        }
        return people;
    }
}
