package org.gantry.server.signals;

import java.time.Instant;
import java.util.List;

/**
 * A task's development panel: what the git hosts and CI said about the work that names it. Branches and
 * pull requests are linked by name; checks are those run on a linked commit, branch or pull request head;
 * deployments those of a linked commit or of a linked pull request's merge, with the latest per environment
 * in {@code environments}.
 */
record Development(
        long taskId,
        String key,
        List<Branch> branches,
        List<PullRequest> pullRequests,
        List<Commit> commits,
        List<Check> checks,
        List<Deployment> deployments,
        List<Deployment> environments) {

    record Branch(String repository, String name, String headSha, boolean deleted, Instant updatedAt) {}

    record PullRequest(
            String repository,
            long number,
            String title,
            String url,
            String state,
            String sourceBranch,
            String targetBranch,
            String author,
            Instant openedAt,
            Instant mergedAt,
            Instant closedAt) {}

    record Commit(
            String repository, String sha, String message, String author, Instant at, String url, String branch) {}

    record Check(
            String repository,
            String name,
            String sha,
            String branch,
            String status,
            String conclusion,
            String url,
            Instant startedAt,
            Instant completedAt) {}

    record Deployment(
            String repository, String environment, String status, String sha, String ref, String url, Instant at) {}
}
