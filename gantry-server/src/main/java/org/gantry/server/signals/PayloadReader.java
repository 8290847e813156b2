package org.gantry.server.signals;

import static org.gantry.server.signals.PayloadFields.array;
import static org.gantry.server.signals.PayloadFields.flag;
import static org.gantry.server.signals.PayloadFields.requiredNumber;
import static org.gantry.server.signals.PayloadFields.requiredText;
import static org.gantry.server.signals.PayloadFields.text;
import static org.gantry.server.signals.PayloadFields.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gantry.server.shared.InvalidInput;
import tools.jackson.databind.JsonNode;

/**
 * Turns a provider's payload into a {@link Signal}, by the field names of the providers' documentation:
 * GitHub's webhook events and payloads (Gitea and Forgejo send the same shapes), GitLab's webhook events,
 * and Gantry's generic format (README). Events it does not know are ignored, not refused.
 */
final class PayloadReader {
    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";
    private static final int MAXIMUM_COMMITS = 2000;
    private static final int MAXIMUM_LABELS = 100;

    /** What a delivery said: a signal, a ping, or nothing Gantry keeps ({@code ignored} says why). */
    record Reading(Signal signal, boolean ping, String ignored) {
        static Reading of(Signal signal) {
            return new Reading(signal, false, null);
        }

        static Reading ignore(String why) {
            return new Reading(null, false, why);
        }
    }

    private PayloadReader() {}

    static Reading read(Provider provider, String event, JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        return switch (provider) {
            case GITHUB, GITEA -> gitHub(event, root);
            case GITLAB -> gitLab(event, root);
            case GENERIC -> generic(event, root);
        };
    }

    // ----- GitHub, Gitea and Forgejo -----

    private static Reading gitHub(String event, JsonNode root) {
        String action = text(root, "action");
        return switch (event) {
            case "ping" -> new Reading(null, true, null);
            case "push" -> Reading.of(gitHubPush(root));
            case "pull_request" -> Reading.of(gitHubPullRequest(root));
            case "check_run" ->
                Reading.of(new Signal.Check(
                        repository(root),
                        "check_run:" + requiredNumber(root, "check_run.id"),
                        requiredText(root, "check_run.name"),
                        text(root, "check_run.head_sha"),
                        text(root, "check_run.check_suite.head_branch"),
                        requiredText(root, "check_run.status"),
                        text(root, "check_run.conclusion"),
                        text(root, "check_run.html_url"),
                        time(root, "check_run.started_at"),
                        time(root, "check_run.completed_at")));
            case "check_suite" ->
                Reading.of(new Signal.Check(
                        repository(root),
                        "check_suite:" + requiredNumber(root, "check_suite.id"),
                        text(root, "check_suite.app.name") == null ? "check suite" : text(root, "check_suite.app.name"),
                        text(root, "check_suite.head_sha"),
                        text(root, "check_suite.head_branch"),
                        requiredText(root, "check_suite.status"),
                        text(root, "check_suite.conclusion"),
                        text(root, "check_suite.url"),
                        time(root, "check_suite.created_at"),
                        "completed".equals(text(root, "check_suite.status"))
                                ? time(root, "check_suite.updated_at")
                                : null));
            case "workflow_run" ->
                Reading.of(new Signal.Check(
                        repository(root),
                        "workflow_run:" + requiredNumber(root, "workflow_run.id"),
                        requiredText(root, "workflow_run.name"),
                        text(root, "workflow_run.head_sha"),
                        text(root, "workflow_run.head_branch"),
                        requiredText(root, "workflow_run.status"),
                        text(root, "workflow_run.conclusion"),
                        text(root, "workflow_run.html_url"),
                        time(root, "workflow_run.run_started_at"),
                        "completed".equals(text(root, "workflow_run.status"))
                                ? time(root, "workflow_run.updated_at")
                                : null));
            case "release" ->
                "deleted".equals(action)
                        ? Reading.ignore("a deleted release")
                        : Reading.of(new Signal.Release(
                                repository(root),
                                requiredText(root, "release.tag_name"),
                                text(root, "release.name"),
                                text(root, "release.html_url"),
                                null,
                                flag(root, "release.prerelease"),
                                time(root, "release.published_at")));
            case "deployment" ->
                Reading.of(new Signal.Deployment(
                        repository(root),
                        "deployment:" + requiredNumber(root, "deployment.id"),
                        requiredText(root, "deployment.environment"),
                        "pending",
                        text(root, "deployment.sha"),
                        text(root, "deployment.ref"),
                        text(root, "deployment.url"),
                        time(root, "deployment.created_at")));
            case "deployment_status" ->
                Reading.of(new Signal.Deployment(
                        repository(root),
                        "deployment:" + requiredNumber(root, "deployment.id"),
                        text(root, "deployment_status.environment") != null
                                ? text(root, "deployment_status.environment")
                                : requiredText(root, "deployment.environment"),
                        requiredText(root, "deployment_status.state"),
                        text(root, "deployment.sha"),
                        text(root, "deployment.ref"),
                        text(root, "deployment_status.environment_url") != null
                                ? text(root, "deployment_status.environment_url")
                                : text(root, "deployment_status.target_url"),
                        time(root, "deployment_status.created_at")));
            case "issues" ->
                Reading.of(new Signal.Issue(
                        repository(root),
                        requiredNumber(root, "issue.number"),
                        requiredText(root, "issue.title"),
                        text(root, "issue.html_url"),
                        requiredText(root, "issue.state").toUpperCase(Locale.ROOT),
                        labels(root, "issue.labels", "name"),
                        time(root, "issue.created_at"),
                        time(root, "issue.closed_at")));
            default -> Reading.ignore("event " + event + " is not one Gantry keeps");
        };
    }

    private static String repository(JsonNode root) {
        return requiredText(root, "repository.full_name");
    }

    private static Signal.Push gitHubPush(JsonNode root) {
        String ref = requiredText(root, "ref");
        String after = text(root, "after");
        boolean deleted = flag(root, "deleted") || NO_COMMIT.equals(after);
        return push(repository(root), ref, after, deleted, commits(root, "commits"));
    }

    private static Signal.PullRequest gitHubPullRequest(JsonNode root) {
        String state = requiredText(root, "pull_request.state");
        boolean merged = flag(root, "pull_request.merged");
        return new Signal.PullRequest(
                repository(root),
                requiredNumber(root, "pull_request.number"),
                requiredText(root, "pull_request.title"),
                text(root, "pull_request.body"),
                text(root, "pull_request.html_url"),
                merged ? "MERGED" : "closed".equals(state) ? "CLOSED" : "OPEN",
                text(root, "pull_request.head.ref"),
                text(root, "pull_request.base.ref"),
                text(root, "pull_request.head.sha"),
                merged ? text(root, "pull_request.merge_commit_sha") : null,
                text(root, "pull_request.user.login"),
                time(root, "pull_request.created_at"),
                merged ? time(root, "pull_request.merged_at") : null,
                time(root, "pull_request.closed_at"));
    }

    // ----- GitLab -----

    private static Reading gitLab(String event, JsonNode root) {
        return switch (event) {
            case "Push Hook", "Tag Push Hook" -> {
                String ref = requiredText(root, "ref");
                String after = text(root, "checkout_sha") != null ? text(root, "checkout_sha") : text(root, "after");
                boolean deleted = NO_COMMIT.equals(text(root, "after")) || after == null;
                yield Reading.of(push(gitLabProject(root), ref, after, deleted, commits(root, "commits")));
            }
            case "Merge Request Hook" -> {
                String state = requiredText(root, "object_attributes.state");
                String normal =
                        switch (state) {
                            case "merged" -> "MERGED";
                            case "closed" -> "CLOSED";
                            default -> "OPEN";
                        };
                yield Reading.of(new Signal.PullRequest(
                        gitLabProject(root),
                        requiredNumber(root, "object_attributes.iid"),
                        requiredText(root, "object_attributes.title"),
                        text(root, "object_attributes.description"),
                        text(root, "object_attributes.url"),
                        normal,
                        text(root, "object_attributes.source_branch"),
                        text(root, "object_attributes.target_branch"),
                        text(root, "object_attributes.last_commit.id"),
                        text(root, "object_attributes.merge_commit_sha"),
                        text(root, "user.username"),
                        time(root, "object_attributes.created_at"),
                        "MERGED".equals(normal) ? time(root, "object_attributes.updated_at") : null,
                        "OPEN".equals(normal) ? null : time(root, "object_attributes.updated_at")));
            }
            case "Pipeline Hook" -> {
                String status = requiredText(root, "object_attributes.status");
                boolean finished =
                        List.of("success", "failed", "canceled", "skipped").contains(status);
                String name = text(root, "object_attributes.name");
                yield Reading.of(new Signal.Check(
                        gitLabProject(root),
                        "pipeline:" + requiredNumber(root, "object_attributes.id"),
                        name == null ? "pipeline" : name,
                        text(root, "object_attributes.sha"),
                        flag(root, "object_attributes.tag") ? null : text(root, "object_attributes.ref"),
                        finished ? "completed" : status,
                        finished ? status : null,
                        text(root, "object_attributes.url"),
                        time(root, "object_attributes.created_at"),
                        finished ? time(root, "object_attributes.finished_at") : null));
            }
            case "Release Hook" ->
                "delete".equals(text(root, "action"))
                        ? Reading.ignore("a deleted release")
                        : Reading.of(new Signal.Release(
                                gitLabProject(root),
                                requiredText(root, "tag"),
                                text(root, "name"),
                                text(root, "url"),
                                text(root, "commit.id"),
                                false,
                                time(root, "released_at")));
            case "Deployment Hook" -> {
                String commitUrl = text(root, "commit_url");
                String sha = commitUrl != null && commitUrl.matches(".*/[0-9a-f]{40}")
                        ? commitUrl.substring(commitUrl.length() - 40)
                        : text(root, "short_sha");
                yield Reading.of(new Signal.Deployment(
                        gitLabProject(root),
                        "deployment:" + requiredNumber(root, "deployment_id"),
                        requiredText(root, "environment"),
                        requiredText(root, "status"),
                        sha,
                        text(root, "ref"),
                        text(root, "deployable_url"),
                        time(root, "status_changed_at")));
            }
            case "Issue Hook", "Confidential Issue Hook" ->
                Reading.of(new Signal.Issue(
                        gitLabProject(root),
                        requiredNumber(root, "object_attributes.iid"),
                        requiredText(root, "object_attributes.title"),
                        text(root, "object_attributes.url"),
                        requiredText(root, "object_attributes.state").toUpperCase(Locale.ROOT),
                        labels(root, "labels", "title"),
                        time(root, "object_attributes.created_at"),
                        time(root, "object_attributes.closed_at")));
            default -> Reading.ignore("event " + event + " is not one Gantry keeps");
        };
    }

    private static String gitLabProject(JsonNode root) {
        return requiredText(root, "project.path_with_namespace");
    }

    // ----- generic -----

    /**
     * The generic format's service: {@code service} when given (one repository can deploy several services,
     * each measured on its own), else {@code repository}. Stored where the git hosts' repository goes.
     */
    private static String service(JsonNode root) {
        String service = text(root, "service");
        return service != null ? service : requiredText(root, "repository");
    }

    private static Reading generic(String event, JsonNode root) {
        return switch (event) {
            case "ping" -> new Reading(null, true, null);
            case "push" -> {
                String branch = text(root, "branch");
                String tag = text(root, "tag");
                if (branch == null && tag == null) {
                    throw new InvalidInput("branch", "is required (or tag)");
                }
                String ref = branch != null ? "refs/heads/" + branch : "refs/tags/" + tag;
                yield Reading.of(
                        push(service(root), ref, text(root, "after"), flag(root, "deleted"), commits(root, "commits")));
            }
            case "pull_request" -> {
                String state = requiredText(root, "state").toUpperCase(Locale.ROOT);
                if (!List.of("OPEN", "MERGED", "CLOSED").contains(state)) {
                    throw new InvalidInput("state", "must be open, merged or closed");
                }
                yield Reading.of(new Signal.PullRequest(
                        service(root),
                        requiredNumber(root, "number"),
                        requiredText(root, "title"),
                        text(root, "description"),
                        text(root, "url"),
                        state,
                        text(root, "sourceBranch"),
                        text(root, "targetBranch"),
                        text(root, "headSha"),
                        text(root, "mergeSha"),
                        text(root, "author"),
                        time(root, "openedAt"),
                        time(root, "mergedAt"),
                        time(root, "closedAt")));
            }
            case "check" ->
                Reading.of(new Signal.Check(
                        service(root),
                        "check:" + requiredText(root, "id"),
                        requiredText(root, "name"),
                        text(root, "sha"),
                        text(root, "branch"),
                        requiredText(root, "status"),
                        text(root, "conclusion"),
                        text(root, "url"),
                        time(root, "startedAt"),
                        time(root, "completedAt")));
            case "release" ->
                Reading.of(new Signal.Release(
                        service(root),
                        requiredText(root, "tag"),
                        text(root, "name"),
                        text(root, "url"),
                        text(root, "sha"),
                        flag(root, "prerelease"),
                        time(root, "publishedAt")));
            case "deployment" ->
                Reading.of(new Signal.Deployment(
                        service(root),
                        "deployment:" + requiredText(root, "id"),
                        requiredText(root, "environment"),
                        requiredText(root, "status"),
                        text(root, "sha"),
                        text(root, "ref"),
                        text(root, "url"),
                        time(root, "at")));
            case "issue" ->
                Reading.of(new Signal.Issue(
                        service(root),
                        requiredNumber(root, "number"),
                        requiredText(root, "title"),
                        text(root, "url"),
                        requiredText(root, "state").toUpperCase(Locale.ROOT),
                        labels(root, "labels", null),
                        time(root, "openedAt"),
                        time(root, "closedAt")));
            default -> Reading.ignore("event " + event + " is not one Gantry keeps");
        };
    }

    // ----- shared -----

    private static Signal.Push push(
            String repository, String ref, String after, boolean deleted, List<Signal.Commit> commits) {
        String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
        String tag = ref.startsWith("refs/tags/") ? ref.substring("refs/tags/".length()) : null;
        if (branch == null && tag == null) {
            branch = ref;
        }
        return new Signal.Push(repository, branch, tag, deleted ? null : after, deleted, commits);
    }

    /**
     * GitHub, Gitea and GitLab all list a push's commits as {id, message, timestamp, url, author {name,
     * email}}; the generic format may give the author as a plain name.
     */
    private static List<Signal.Commit> commits(JsonNode root, String path) {
        JsonNode list = array(root, path);
        List<Signal.Commit> commits = new ArrayList<>();
        if (list == null) {
            return commits;
        }
        if (list.size() > MAXIMUM_COMMITS) {
            throw new InvalidInput(path, "must list at most " + MAXIMUM_COMMITS + " commits");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode commit = list.get(i);
            String at = path + "[" + i + "]";
            if (!commit.isObject()) {
                throw new InvalidInput(at, "must be an object");
            }
            JsonNode author = commit.get("author");
            String authorName = author != null && author.isString() ? text(commit, "author") : null;
            String authorEmail = text(commit, "email");
            if (author != null && author.isObject()) {
                authorName = text(author, "name");
                authorEmail = text(author, "email");
            }
            try {
                commits.add(new Signal.Commit(
                        requiredText(commit, "id"),
                        text(commit, "message") == null ? "" : text(commit, "message"),
                        authorName,
                        authorEmail,
                        time(commit, "timestamp"),
                        text(commit, "url")));
            } catch (InvalidInput e) {
                throw new InvalidInput(
                        at + "." + e.errors().get(0).field(), e.errors().get(0).message());
            }
        }
        return commits;
    }

    /** Label names: objects with {@code field} (GitHub "name", GitLab "title") or, with null, plain strings. */
    private static List<String> labels(JsonNode root, String path, String field) {
        JsonNode list = array(root, path);
        List<String> labels = new ArrayList<>();
        if (list == null) {
            return labels;
        }
        if (list.size() > MAXIMUM_LABELS) {
            throw new InvalidInput(path, "must list at most " + MAXIMUM_LABELS + " labels");
        }
        for (JsonNode label : list) {
            String name = field == null
                    ? (label.isString() ? PayloadFields.clean(label.stringValue()) : null)
                    : label.isObject() ? text(label, field) : null;
            if (name == null) {
                throw new InvalidInput(
                        path, field == null ? "must list label names" : "must list objects with " + field);
            }
            labels.add(name.length() > 200 ? name.substring(0, 200) : name);
        }
        return labels;
    }
}
