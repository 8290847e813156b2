package org.gantry.server.signals;

import java.time.Instant;
import java.util.List;

/**
 * The newest releases, deployments and labelled issues the project's webhooks delivered (at most 100 of
 * each, newest first): the raw material of the delivery and quality measures.
 */
record ProjectSignals(List<Release> releases, List<Development.Deployment> deployments, List<Issue> issues) {

    record Release(
            String repository,
            String tag,
            String name,
            String url,
            String sha,
            boolean prerelease,
            Instant publishedAt) {}

    record Issue(
            String repository,
            long number,
            String title,
            String url,
            String state,
            List<String> labels,
            Instant openedAt,
            Instant closedAt) {}
}
