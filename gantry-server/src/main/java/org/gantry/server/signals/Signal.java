package org.gantry.server.signals;

import java.time.Instant;
import java.util.List;

/**
 * What a delivery said, in one vocabulary for every provider. {@code repository} is the host's full name
 * ("acme/api"). States are upper case: pull requests OPEN, MERGED or CLOSED.
 */
sealed interface Signal {

    String repository();

    /** The kind stored with the delivery. */
    String kind();

    record Commit(String sha, String message, String authorName, String authorEmail, Instant at, String url) {}

    /** A push to a branch ({@code tag} null) or of a tag ({@code branch} null). */
    record Push(String repository, String branch, String tag, String headSha, boolean deleted, List<Commit> commits)
            implements Signal {
        public String kind() {
            return "PUSH";
        }
    }

    record PullRequest(
            String repository,
            long number,
            String title,
            String description,
            String url,
            String state,
            String sourceBranch,
            String targetBranch,
            String headSha,
            String mergeSha,
            String author,
            Instant openedAt,
            Instant mergedAt,
            Instant closedAt)
            implements Signal {
        public String kind() {
            return "PULL_REQUEST";
        }
    }

    /** A check run, workflow run or pipeline; status queued, in_progress, completed (or the host's words). */
    record Check(
            String repository,
            String externalId,
            String name,
            String sha,
            String branch,
            String status,
            String conclusion,
            String url,
            Instant startedAt,
            Instant completedAt)
            implements Signal {
        public String kind() {
            return "CHECK";
        }
    }

    record Release(
            String repository, String tag, String name, String url, String sha, boolean prerelease, Instant publishedAt)
            implements Signal {
        public String kind() {
            return "RELEASE";
        }
    }

    record Deployment(
            String repository,
            String externalId,
            String environment,
            String status,
            String sha,
            String ref,
            String url,
            Instant at)
            implements Signal {
        public String kind() {
            return "DEPLOYMENT";
        }
    }

    record Issue(
            String repository,
            long number,
            String title,
            String url,
            String state,
            List<String> labels,
            Instant openedAt,
            Instant closedAt)
            implements Signal {
        public String kind() {
            return "ISSUE";
        }
    }
}
