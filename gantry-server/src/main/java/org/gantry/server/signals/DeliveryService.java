package org.gantry.server.signals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a delivery: finds its webhook by the public id, verifies the signature (nothing is read from an
 * unverified body), reads the payload, and stores it with what it says in one transaction. A delivery id
 * seen before for the same webhook is stored once: the unique key on (webhook, delivery id) decides, so
 * concurrent redeliveries cannot both count.
 */
@Service
class DeliveryService {
    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final int MAXIMUM_DELIVERY_ID = 200;
    private static final int MAXIMUM_IDENTIFIER = 300;

    private record Hook(long id, long projectId, String projectKey, String name, Provider provider, String secret) {}

    private final JdbcClient jdbc;
    private final WebhookSecrets secrets;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final StatusRuleService statusRules;

    DeliveryService(
            JdbcClient jdbc,
            WebhookSecrets secrets,
            JsonMapper json,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            StatusRuleService statusRules) {
        this.statusRules = statusRules;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.json = json;
        this.transactions = transactions;
        this.events = events;
    }

    DeliveryOutcome receive(String publicId, HttpHeaders headers, byte[] body, String address) {
        Hook hook = jdbc.sql("""
                select w.id, w.project_id, p.project_key, w.name, w.provider, w.secret from webhook w
                join project p on p.id = w.project_id where w.public_id = ?
                """)
                .param(publicId)
                .query((rs, row) -> new Hook(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        Provider.valueOf(rs.getString(5)),
                        rs.getString(6)))
                .optional()
                .orElseThrow(() -> new NotFound("There is no webhook at this address."));
        String refusal = verify(hook, headers, body);
        if (refusal != null) {
            log.warn(
                    "Refused a delivery to webhook {} ({}) of project {} from {}: {}",
                    hook.id(),
                    hook.provider(),
                    hook.projectKey(),
                    address,
                    refusal);
            events.publishEvent(new WebhookSecurityEvent(
                    WebhookSecurityEvent.Kind.DELIVERY_REFUSED,
                    hook.projectKey(),
                    hook.id(),
                    hook.name(),
                    hook.provider().name(),
                    address,
                    refusal));
            throw new DeliveryRefused("The delivery was refused: " + refusal + ".");
        }
        String eventHeader = eventHeader(hook.provider(), headers);
        String event = header(headers, eventHeader);
        if (event == null || event.isBlank()) {
            throw new InvalidInput(eventHeader, "is required: the kind of event delivered");
        }
        event = PayloadFields.clean(event.strip());
        String deliveryId = deliveryId(hook.provider(), headers, body);
        JsonNode root = parse(headers, body);
        PayloadReader.Reading reading = PayloadReader.read(hook.provider(), event, root);
        if (reading.ping()) {
            return new DeliveryOutcome("pong", null, deliveryId, "The webhook is set up.", List.of());
        }
        if (reading.signal() == null) {
            return new DeliveryOutcome("ignored", null, deliveryId, reading.ignored(), List.of());
        }
        checkIdentifiers(reading.signal());
        String storedEvent = event.length() > 100 ? event.substring(0, 100) : event;
        List<StatusRuleService.Move> moves = new ArrayList<>();
        DeliveryOutcome stored =
                transactions.execute(status -> store(hook, storedEvent, deliveryId, body, reading.signal(), moves));
        // After the delivery is committed: a rule that fails leaves it stored.
        List<StatusRuleService.StatusChange> changes = statusRules.apply(hook.projectId(), hook.projectKey(), moves);
        return changes.isEmpty()
                ? stored
                : new DeliveryOutcome(
                        stored.result(),
                        stored.kind(),
                        stored.deliveryId(),
                        stored.detail(),
                        stored.linkedTasks(),
                        changes);
    }

    // ----- signatures -----

    /** Null when the delivery is signed with the webhook's secret; otherwise why not. */
    private String verify(Hook hook, HttpHeaders headers, byte[] body) {
        String secret = secrets.open(hook.secret());
        if (secret == null) {
            return "the webhook's secret cannot be read with this server's key (GANTRY_WEBHOOK_KEY); rotate it";
        }
        return switch (hook.provider()) {
            case GITHUB -> prefixedHmac(headers, "X-Hub-Signature-256", secret, body);
            case GENERIC -> prefixedHmac(headers, "X-Gantry-Signature", secret, body);
            case GITEA -> {
                String given = header(headers, "X-Gitea-Signature");
                if (given == null) {
                    given = header(headers, "X-Forgejo-Signature");
                }
                if (given == null) {
                    yield "no X-Gitea-Signature header";
                }
                yield WebhookSecrets.sameText(WebhookSecrets.hmacSha256Hex(secret, body), given.strip())
                        ? null
                        : "the X-Gitea-Signature does not match";
            }
            case GITLAB -> {
                String given = header(headers, "X-Gitlab-Token");
                if (given == null) {
                    yield "no X-Gitlab-Token header";
                }
                yield WebhookSecrets.sameText(secret, given) ? null : "the X-Gitlab-Token does not match";
            }
        };
    }

    private static String prefixedHmac(HttpHeaders headers, String name, String secret, byte[] body) {
        String given = header(headers, name);
        if (given == null) {
            return "no " + name + " header";
        }
        String expected = "sha256=" + WebhookSecrets.hmacSha256Hex(secret, body);
        return WebhookSecrets.sameText(expected, given.strip()) ? null : "the " + name + " does not match";
    }

    private static String eventHeader(Provider provider, HttpHeaders headers) {
        return switch (provider) {
            case GITHUB -> "X-GitHub-Event";
            case GITLAB -> "X-Gitlab-Event";
            case GITEA ->
                header(headers, "X-Gitea-Event") == null && header(headers, "X-Forgejo-Event") != null
                        ? "X-Forgejo-Event"
                        : "X-Gitea-Event";
            case GENERIC -> "X-Gantry-Event";
        };
    }

    /** The provider's delivery id; without one, a digest of the body (the same body is the same delivery). */
    private static String deliveryId(Provider provider, HttpHeaders headers, byte[] body) {
        List<String> names =
                switch (provider) {
                    case GITHUB -> List.of("X-GitHub-Delivery");
                    case GITLAB -> List.of("X-Gitlab-Event-UUID", "X-Gitlab-Webhook-UUID");
                    case GITEA -> List.of("X-Gitea-Delivery", "X-Forgejo-Delivery");
                    case GENERIC -> List.of("X-Gantry-Delivery");
                };
        for (String name : names) {
            String id = header(headers, name);
            if (id != null && !id.isBlank()) {
                String clean = PayloadFields.clean(id.strip());
                return clean.length() > MAXIMUM_DELIVERY_ID ? clean.substring(0, MAXIMUM_DELIVERY_ID) : clean;
            }
        }
        return "sha256:" + HexFormat.of().formatHex(WebhookSecrets.sha256(body));
    }

    private static String header(HttpHeaders headers, String name) {
        return headers.getFirst(name);
    }

    /**
     * The payload as JSON. GitHub may be set to send it form-encoded ({@code payload=...}); the signature
     * covers the raw body either way.
     */
    private JsonNode parse(HttpHeaders headers, byte[] body) {
        String contentType = header(headers, HttpHeaders.CONTENT_TYPE);
        byte[] document = body;
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            String form = new String(body, StandardCharsets.UTF_8);
            String payload = null;
            for (String pair : form.split("&")) {
                if (pair.startsWith("payload=")) {
                    try {
                        payload = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInput("payload", "is not properly URL-encoded");
                    }
                }
            }
            if (payload == null) {
                throw new InvalidInput("payload", "is required in a form-encoded delivery");
            }
            document = payload.getBytes(StandardCharsets.UTF_8);
        }
        if (document.length == 0) {
            throw new InvalidInput("body", "is required: the event's JSON payload");
        }
        try {
            return json.readTree(document);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            throw new InvalidInput(
                    "body",
                    "is not valid JSON: "
                            + (message == null
                                    ? "unreadable"
                                    : PayloadFields.clean(message)
                                            .lines()
                                            .findFirst()
                                            .orElse("")));
        }
    }

    /**
     * Names and ids that are part of a unique key are at most 300 characters: PostgreSQL cannot index a
     * longer row (about 2.7 kB), and no git host makes them that long.
     */
    private static void checkIdentifiers(Signal signal) {
        identifier("repository", signal.repository());
        if (signal instanceof Signal.Push push) {
            identifier("ref", push.branch());
            identifier("ref", push.tag());
            identifier("after", push.headSha());
            for (int i = 0; i < push.commits().size(); i++) {
                identifier("commits[" + i + "].id", push.commits().get(i).sha());
            }
        } else if (signal instanceof Signal.PullRequest pull) {
            identifier("sourceBranch", pull.sourceBranch());
        } else if (signal instanceof Signal.Check check) {
            identifier("id", check.externalId());
            identifier("sha", check.sha());
        } else if (signal instanceof Signal.Release release) {
            identifier("tag", release.tag());
        } else if (signal instanceof Signal.Deployment deployment) {
            identifier("id", deployment.externalId());
            identifier("sha", deployment.sha());
        }
    }

    private static void identifier(String field, String value) {
        if (value != null && value.length() > MAXIMUM_IDENTIFIER) {
            throw new InvalidInput(field, "must be at most " + MAXIMUM_IDENTIFIER + " characters long");
        }
    }

    // ----- storing -----

    private DeliveryOutcome store(
            Hook hook,
            String event,
            String deliveryId,
            byte[] body,
            Signal signal,
            List<StatusRuleService.Move> moves) {
        Long delivery = jdbc.sql("""
                insert into webhook_delivery (webhook_id, project_id, delivery_id, event, kind, payload)
                values (?, ?, ?, ?, ?, ?) on conflict (webhook_id, delivery_id) do nothing returning id
                """)
                .params(
                        hook.id(),
                        hook.projectId(),
                        deliveryId,
                        event,
                        signal.kind(),
                        new String(body, StandardCharsets.UTF_8).replace("\0", ""))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (delivery == null) {
            return new DeliveryOutcome(
                    "duplicate", signal.kind(), deliveryId, "This delivery was received before.", List.of());
        }
        TaskReferences references = new TaskReferences(hook.projectKey());
        Set<Long> linked = new TreeSet<>();
        if (signal instanceof Signal.Push push) {
            storePush(hook, delivery, push, references, linked);
        } else if (signal instanceof Signal.PullRequest pull) {
            storePullRequest(hook, pull, references, linked, moves);
        } else if (signal instanceof Signal.Check check) {
            storeCheck(hook, check);
        } else if (signal instanceof Signal.Release release) {
            storeRelease(hook, release);
        } else if (signal instanceof Signal.Deployment deployment) {
            storeDeployment(hook, deployment, moves);
        } else if (signal instanceof Signal.Issue issue) {
            storeIssue(hook, issue);
        }
        return new DeliveryOutcome("stored", signal.kind(), deliveryId, null, List.copyOf(linked));
    }

    private void storePush(Hook hook, long delivery, Signal.Push push, TaskReferences references, Set<Long> linked) {
        if (push.branch() != null) {
            jdbc.sql("""
                    insert into dev_branch (project_id, repository, name, head_sha, deleted) values (?, ?, ?, ?, ?)
                    on conflict (project_id, repository, name) do update set head_sha =
                    coalesce(excluded.head_sha, dev_branch.head_sha), deleted = excluded.deleted,
                    updated_at = now()
                    """)
                    .params(hook.projectId(), push.repository(), push.branch(), push.headSha(), push.deleted())
                    .update();
        }
        if (push.tag() != null && !push.deleted()) {
            jdbc.sql("""
                    insert into dev_release (project_id, repository, tag, sha, published_at) values (?, ?, ?, ?, now())
                    on conflict (project_id, repository, tag) do update set sha =
                    coalesce(excluded.sha, dev_release.sha)
                    """)
                    .params(hook.projectId(), push.repository(), push.tag(), push.headSha())
                    .update();
        }
        Set<Long> branchTasks = existing(hook, references.in(push.branch()));
        // Sorted, so two concurrent pushes sharing commits take their row locks in the same order.
        List<Signal.Commit> commits = new ArrayList<>(push.commits());
        commits.sort(Comparator.comparing(Signal.Commit::sha));
        for (Signal.Commit commit : commits) {
            jdbc.sql("""
                    insert into dev_commit (project_id, repository, sha, message, author_name, author_email,
                    committed_at, url, branch, delivery_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (project_id, repository, sha) do nothing
                    """)
                    .params(
                            hook.projectId(),
                            push.repository(),
                            commit.sha(),
                            commit.message(),
                            commit.authorName(),
                            commit.authorEmail(),
                            time(commit.at()),
                            commit.url(),
                            push.branch(),
                            delivery)
                    .update();
            Set<Long> tasks = new TreeSet<>(existing(hook, references.in(commit.message())));
            tasks.addAll(branchTasks);
            for (long task : tasks) {
                link(hook, task, "COMMIT", push.repository(), commit.sha());
            }
            linked.addAll(tasks);
        }
        for (long task : branchTasks) {
            link(hook, task, "BRANCH", push.repository(), push.branch());
        }
        linked.addAll(branchTasks);
    }

    private void storePullRequest(
            Hook hook,
            Signal.PullRequest pull,
            TaskReferences references,
            Set<Long> linked,
            List<StatusRuleService.Move> moves) {
        String before = jdbc.sql("""
                select state from dev_pull_request where project_id = ? and repository = ?
                and number = ? for update
                """)
                .params(hook.projectId(), pull.repository(), pull.number())
                .query(String.class)
                .optional()
                .orElse(null);
        // A merged pull request stays merged whatever arrives after (deliveries may come out of order).
        jdbc.sql("""
                insert into dev_pull_request (project_id, repository, number, title, url, state, source_branch,
                target_branch, head_sha, merge_sha, author, opened_at, merged_at, closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id, repository, number) do update set title = excluded.title,
                url = coalesce(excluded.url, dev_pull_request.url),
                state = case when dev_pull_request.state = 'MERGED' then 'MERGED' else excluded.state end,
                source_branch = coalesce(excluded.source_branch, dev_pull_request.source_branch),
                target_branch = coalesce(excluded.target_branch, dev_pull_request.target_branch),
                head_sha = coalesce(excluded.head_sha, dev_pull_request.head_sha),
                merge_sha = coalesce(excluded.merge_sha, dev_pull_request.merge_sha),
                author = coalesce(excluded.author, dev_pull_request.author),
                opened_at = coalesce(dev_pull_request.opened_at, excluded.opened_at),
                merged_at = coalesce(dev_pull_request.merged_at, excluded.merged_at),
                closed_at = coalesce(excluded.closed_at, dev_pull_request.closed_at), updated_at = now()
                """)
                .params(
                        hook.projectId(),
                        pull.repository(),
                        pull.number(),
                        pull.title(),
                        pull.url(),
                        pull.state(),
                        pull.sourceBranch(),
                        pull.targetBranch(),
                        pull.headSha(),
                        pull.mergeSha(),
                        pull.author(),
                        time(pull.openedAt()),
                        time(pull.mergedAt()),
                        time(pull.closedAt()))
                .update();
        Set<Long> tasks = existing(hook, references.in(pull.title(), pull.description(), pull.sourceBranch()));
        for (long task : tasks) {
            link(hook, task, "PULL_REQUEST", pull.repository(), String.valueOf(pull.number()));
        }
        Set<Long> branchTasks = existing(hook, references.in(pull.sourceBranch()));
        for (long task : branchTasks) {
            link(hook, task, "BRANCH", pull.repository(), pull.sourceBranch());
        }
        linked.addAll(tasks);
        // Only a change of state moves tasks: every later push to an open pull request says "open" again.
        StatusRuleService.Transition transition = "MERGED".equals(pull.state()) && !"MERGED".equals(before)
                ? StatusRuleService.Transition.MERGED
                : "OPEN".equals(pull.state()) && (before == null || "CLOSED".equals(before))
                        ? StatusRuleService.Transition.OPENED
                        : null;
        if (transition != null) {
            tasks.forEach(task -> moves.add(new StatusRuleService.Move(task, transition)));
        }
    }

    private void storeCheck(Hook hook, Signal.Check check) {
        // A completed run stays completed if an older "in progress" delivery arrives after it.
        jdbc.sql("""
                insert into dev_check (project_id, repository, external_id, name, sha, branch, status, conclusion,
                url, started_at, completed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id, repository, external_id) do update set name = excluded.name,
                sha = coalesce(excluded.sha, dev_check.sha),
                branch = coalesce(excluded.branch, dev_check.branch),
                status = case when dev_check.status = 'completed' then dev_check.status
                else excluded.status end,
                conclusion = coalesce(dev_check.conclusion, excluded.conclusion),
                url = coalesce(excluded.url, dev_check.url),
                started_at = coalesce(dev_check.started_at, excluded.started_at),
                completed_at = coalesce(dev_check.completed_at, excluded.completed_at), updated_at = now()
                """)
                .params(
                        hook.projectId(),
                        check.repository(),
                        check.externalId(),
                        check.name(),
                        check.sha(),
                        check.branch(),
                        check.status(),
                        check.conclusion(),
                        check.url(),
                        time(check.startedAt()),
                        time(check.completedAt()))
                .update();
    }

    private void storeRelease(Hook hook, Signal.Release release) {
        jdbc.sql("""
                insert into dev_release (project_id, repository, tag, name, url, sha, prerelease, published_at)
                values (?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))
                on conflict (project_id, repository, tag) do update set
                name = coalesce(excluded.name, dev_release.name),
                url = coalesce(excluded.url, dev_release.url),
                sha = coalesce(excluded.sha, dev_release.sha), prerelease = excluded.prerelease,
                published_at = excluded.published_at
                """)
                .params(
                        hook.projectId(),
                        release.repository(),
                        release.tag(),
                        release.name(),
                        release.url(),
                        release.sha(),
                        release.prerelease(),
                        time(release.publishedAt()))
                .update();
    }

    private void storeDeployment(Hook hook, Signal.Deployment deployment, List<StatusRuleService.Move> moves) {
        boolean succeededBefore = jdbc.sql("""
                select succeeded_at is not null from dev_deployment where project_id = ?
                and repository = ? and external_id = ? for update
                """)
                .params(hook.projectId(), deployment.repository(), deployment.externalId())
                .query(Boolean.class)
                .optional()
                .orElse(false);
        // The latest status by the provider's time wins, whatever order the deliveries came in.
        jdbc.sql("""
                insert into dev_deployment (project_id, repository, external_id, environment, status, sha, ref, url,
                deployed_at) values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))
                on conflict (project_id, repository, external_id) do update set
                environment = excluded.environment, status = excluded.status,
                sha = coalesce(excluded.sha, dev_deployment.sha),
                ref = coalesce(excluded.ref, dev_deployment.ref),
                url = coalesce(excluded.url, dev_deployment.url), deployed_at = excluded.deployed_at,
                updated_at = now() where excluded.deployed_at >= dev_deployment.deployed_at
                """)
                .params(
                        hook.projectId(),
                        deployment.repository(),
                        deployment.externalId(),
                        deployment.environment(),
                        deployment.status(),
                        deployment.sha(),
                        deployment.ref(),
                        deployment.url(),
                        time(deployment.at()))
                .update();
        // The earliest success stays, whatever order the statuses arrive in and whatever follows it.
        if (DeliveryMeasures.successful(deployment.status())) {
            jdbc.sql("""
                    update dev_deployment set succeeded_at = least(coalesce(succeeded_at, coalesce(?, now())),
                    coalesce(?, now())) where project_id = ? and repository = ? and external_id = ?
                    """)
                    .params(
                            time(deployment.at()),
                            time(deployment.at()),
                            hook.projectId(),
                            deployment.repository(),
                            deployment.externalId())
                    .update();
            // Only the first success moves tasks: a redelivery, a later status or a redeploy of the same
            // deployment does not undo what someone did to the task since.
            String production = statusRules.rules(hook.projectId()).productionEnvironment();
            if (!succeededBefore
                    && deployment.sha() != null
                    && deployment.environment().strip().equalsIgnoreCase(production)) {
                deployedTasks(hook, deployment)
                        .forEach(task ->
                                moves.add(new StatusRuleService.Move(task, StatusRuleService.Transition.DEPLOYED)));
            }
        }
    }

    /**
     * The tasks whose work the deployment carries, as the development panel shows them: a linked commit is the
     * deployed commit, or a linked pull request's head or merge commit is.
     */
    private List<Long> deployedTasks(Hook hook, Signal.Deployment deployment) {
        return jdbc.sql("""
                select l.task_id from dev_task_link l where l.project_id = :project and l.kind = 'COMMIT'
                and l.repository = :repository and l.ref = :sha
                union select l.task_id from dev_task_link l join dev_pull_request p
                on p.project_id = l.project_id and p.repository = l.repository and l.ref = p.number::text
                where l.project_id = :project and l.kind = 'PULL_REQUEST' and l.repository = :repository
                and (p.head_sha = :sha or p.merge_sha = :sha) order by 1
                """)
                .param("project", hook.projectId())
                .param("repository", deployment.repository())
                .param("sha", deployment.sha())
                .query(Long.class)
                .list();
    }

    private void storeIssue(Hook hook, Signal.Issue issue) {
        jdbc.sql("""
                insert into dev_issue (project_id, repository, number, title, url, state, labels, opened_at,
                closed_at) values (?, ?, ?, ?, ?, ?, string_to_array(?, chr(31)), ?, ?)
                on conflict (project_id, repository, number) do update set title = excluded.title,
                url = coalesce(excluded.url, dev_issue.url), state = excluded.state,
                labels = excluded.labels, opened_at = coalesce(dev_issue.opened_at, excluded.opened_at),
                closed_at = excluded.closed_at, updated_at = now()
                """)
                .params(
                        hook.projectId(),
                        issue.repository(),
                        issue.number(),
                        issue.title(),
                        issue.url(),
                        issue.state(),
                        issue.labels().stream()
                                .map(label -> label.replace('\u001f', ' '))
                                .collect(Collectors.joining("\u001f")),
                        time(issue.openedAt()),
                        time(issue.closedAt()))
                .update();
    }

    /** Of the named task numbers, those that are tasks of the webhook's project. */
    private Set<Long> existing(Hook hook, Set<Long> named) {
        if (named.isEmpty()) {
            return Set.of();
        }
        String ids = named.stream().map(String::valueOf).collect(Collectors.joining(","));
        return new TreeSet<>(jdbc.sql("select id from task where project_id = ? and id in (" + ids + ")")
                .param(hook.projectId())
                .query(Long.class)
                .list());
    }

    private void link(Hook hook, long task, String kind, String repository, String ref) {
        jdbc.sql("""
                insert into dev_task_link (project_id, task_id, kind, repository, ref) values (?, ?, ?, ?, ?)
                on conflict (task_id, kind, repository, ref) do nothing
                """).params(hook.projectId(), task, kind, repository, ref).update();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
