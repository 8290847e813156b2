package org.gantry.server.signals;

import java.time.Instant;
import java.util.List;

/**
 * A release or tag a webhook delivered, with the milestone it is linked to (null: none) and its deployments:
 * those of its repository whose commit is the release's or whose ref is its tag, oldest first.
 */
record Release(
        long id,
        String repository,
        String tag,
        String name,
        String url,
        String sha,
        boolean prerelease,
        Instant publishedAt,
        Long milestoneTaskId,
        String milestoneName,
        List<Development.Deployment> deployments,
        int version) {}
