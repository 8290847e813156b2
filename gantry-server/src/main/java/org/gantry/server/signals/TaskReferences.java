package org.gantry.server.signals;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tasks a commit message, branch name or pull request names. A task's key is its project's key and the
 * task's number, the id in its URL ({@code DEMO-42} for {@code /projects/DEMO/tasks/42}); the WBS code is no
 * key, because it changes when the outline is reordered. Any case counts ("feature/demo-42-login"), and so
 * does the task's URL (the task page, or a list, board or other view opened on it with {@code ?task=42}).
 * Only the project's own key counts: a webhook belongs to one project.
 */
final class TaskReferences {
    private final Pattern key;
    private final Pattern url;

    TaskReferences(String projectKey) {
        String quoted = Pattern.quote(projectKey);
        this.key = Pattern.compile("(?i)(?<![A-Za-z0-9])" + quoted + "-([0-9]{1,12})(?![0-9])");
        this.url = Pattern.compile(
                "(?i)/projects/" + quoted + "/(?:tasks/|[a-z-]+\\?(?:[^\\s#]*&)?task=)([0-9]{1,12})(?![0-9])");
    }

    /** The task numbers named in the texts (nulls allowed), smallest first. */
    Set<Long> in(String... texts) {
        Set<Long> ids = new TreeSet<>();
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            for (Pattern pattern : new Pattern[] {key, url}) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    ids.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        return ids;
    }
}
