import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of a running Gantry server through its REST API. Single-file Java program with no
 * dependencies: run it with {@code java scripts/load-test/LoadTest.java} (see scripts/load-test.sh).
 *
 * <p>It obtains an API token, seeds a fresh project of 2,000 tasks (100 summary tasks of 19 subtasks,
 * each subtask linked to the one before it), then drives three scenarios one after another with 16
 * concurrent clients for 20 s each, after a short warm-up that is not counted:
 *
 * <ul>
 *   <li>{@code list_100_tasks}: GET a random page of 100 tasks in outline order;
 *   <li>{@code read_task_with_links}: GET a random task with its predecessor and successor links;
 *   <li>{@code create_task}: POST a new task under a random summary task;
 *   <li>{@code open_board} (only with {@code --scenarios}): GET the kanban board, every leaf task as a card;
 *   <li>{@code move_card} (only with {@code --scenarios}): move a card to the other of two columns with
 *       the version last answered; each card is moved by one client at a time, so no move is stale.
 * </ul>
 *
 * <p>{@code --scenarios open_board,move_card} picks scenarios by name (default: the first three).
 *
 * <p>It prints one line per scenario: {@code <scenario> rps=<n> p50_ms=<n> p99_ms=<n> errors=<n>}.
 * Any answer other than 2xx, and any I/O failure, counts as an error.
 */
public class LoadTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern CARD = Pattern.compile("\\{\"id\":(\\d+),\"wbs\":.*?\"version\":(\\d+)}");
    private static final Pattern LAST_VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)\\s*}\\s*$");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String token;

    LoadTest(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", env("GANTRY_URL", "http://localhost:8080"));
        String email = options.getOrDefault("email", env("GANTRY_ADMIN_EMAIL", null));
        String password = options.getOrDefault("password", env("GANTRY_ADMIN_PASSWORD", null));
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "2000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "5"));
        if (email == null || password == null) {
            System.err.println("Usage: java LoadTest.java --url http://localhost:8080 --email ADMIN --password SECRET"
                    + " [--tasks 2000] [--clients 16] [--seconds 20] [--warm-up 5]");
            System.exit(2);
        }
        LoadTest test = new LoadTest(url);
        test.login(email, password);
        Project project = test.seed(tasks, clients);
        System.err.printf("Seeded project %s with %d tasks and %d links%n", project.key, project.tasks.size(), project.links);

        int pages = Math.max(1, project.tasks.size() / 100);
        List<String> chosen = List.of(options.getOrDefault("scenarios", "list_100_tasks,read_task_with_links,create_task")
                .split(","));
        Map<Long, Integer> cardVersions = new ConcurrentHashMap<>();
        if (chosen.contains("move_card")) {
            Matcher card = CARD.matcher(test.send("GET", "/api/v1/projects/" + project.key + "/board", null, true).body());
            while (card.find()) {
                cardVersions.put(Long.parseLong(card.group(1)), Integer.parseInt(card.group(2)));
            }
            System.err.printf("The board shows %d cards%n", cardVersions.size());
        }
        Map<Long, Boolean> inProgress = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> idleCards = new ConcurrentLinkedQueue<>(cardVersions.keySet());
        List<Scenario> all = List.of(
                new Scenario("list_100_tasks", () -> test.get("/api/v1/projects/" + project.key + "/tasks?size=100&page="
                        + ThreadLocalRandom.current().nextInt(pages))),
                new Scenario("read_task_with_links", () -> test.get("/api/v1/projects/" + project.key + "/tasks/"
                        + project.tasks.get(ThreadLocalRandom.current().nextInt(project.tasks.size())))),
                new Scenario("create_task", () -> test.post("/api/v1/projects/" + project.key + "/tasks",
                        "{\"name\":\"Load task\",\"duration\":\"2d\",\"parentId\":"
                                + project.summaries.get(ThreadLocalRandom.current().nextInt(project.summaries.size())) + "}")),
                new Scenario("open_board", () -> test.get("/api/v1/projects/" + project.key + "/board")),
                new Scenario("move_card", () -> {
                    Long card = idleCards.poll();
                    if (card == null) {
                        return -1;
                    }
                    try {
                        boolean toInProgress = !inProgress.getOrDefault(card, false);
                        HttpResponse<String> moved = test.send("POST", "/api/v1/projects/" + project.key + "/tasks/" + card
                                + "/move-card", "{\"status\":\"" + (toInProgress ? "in_progress" : "todo")
                                + "\",\"version\":" + cardVersions.get(card) + "}", true);
                        if (moved.statusCode() == 200) {
                            inProgress.put(card, toInProgress);
                        }
                        Matcher now = LAST_VERSION.matcher(moved.body());
                        if (now.find()) {
                            cardVersions.put(card, Integer.parseInt(now.group(1)));
                        }
                        return moved.statusCode();
                    } finally {
                        idleCards.add(card);
                    }
                }));
        List<Scenario> scenarios = all.stream().filter(scenario -> chosen.contains(scenario.name)).toList();
        for (Scenario scenario : scenarios) {
            if (warmUp > 0) {
                run(scenario, clients, warmUp);
            }
            Result result = run(scenario, clients, seconds);
            System.out.printf("%s rps=%d p50_ms=%d p99_ms=%d errors=%d%n",
                    scenario.name, Math.round(result.count / (double) seconds), result.percentile(50), result.percentile(99), result.errors);
        }
    }

    record Project(String key, List<Long> tasks, List<Long> summaries, int links) {}

    record Scenario(String name, Call call) {}

    interface Call {
        int send() throws Exception;
    }

    record Result(long count, long errors, long[] nanos) {
        long percentile(int p) {
            if (nanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return Math.round(nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1_000_000.0);
        }
    }

    /** Runs the call from {@code clients} threads for {@code seconds}, recording each latency. */
    static Result run(Scenario scenario, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = scenario.call.send();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - start;
                    if (status < 200 || status > 299) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged.length, errors.get(), merged);
    }

    void login(String email, String password) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/auth/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"load test\"}", false);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not log in: " + response.statusCode() + " " + response.body());
        }
        Matcher matcher = TOKEN.matcher(response.body());
        matcher.find();
        token = matcher.group(1);
    }

    /** A new project with {@code taskCount} tasks: summaries of 19 subtasks each, chained by FS links. */
    Project seed(int taskCount, int clients) throws Exception {
        String key = "LOAD" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();
        check(send("POST", "/api/v1/projects", "{\"key\":\"" + key + "\",\"name\":\"Load test " + key + "\"}", true), 201);
        int groups = Math.max(1, taskCount / 20);
        int perGroup = taskCount / groups - 1;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> summaries = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            summaries.add(id(check(send("POST", "/api/v1/projects/" + key + "/tasks",
                    "{\"name\":\"Work package " + (g + 1) + "\"}", true), 201)));
        }
        List<Future<List<Long>>> groupsDone = new ArrayList<>();
        AtomicInteger links = new AtomicInteger();
        for (long summary : summaries) {
            groupsDone.add(pool.submit(() -> {
                List<Long> children = new ArrayList<>();
                for (int i = 0; i < perGroup; i++) {
                    long child = id(check(send("POST", "/api/v1/projects/" + key + "/tasks",
                            "{\"name\":\"Activity " + summary + "-" + (i + 1) + "\",\"duration\":\"" + (1 + i % 5)
                                    + "d\",\"parentId\":" + summary + "}", true), 201));
                    if (!children.isEmpty()) {
                        check(send("POST", "/api/v1/projects/" + key + "/links",
                                "{\"predecessorId\":" + children.get(children.size() - 1) + ",\"successorId\":" + child + "}", true), 201);
                        links.incrementAndGet();
                    }
                    children.add(child);
                }
                return children;
            }));
        }
        List<Long> all = new ArrayList<>(summaries);
        for (Future<List<Long>> future : groupsDone) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return new Project(key, all, summaries, links.get());
    }

    int get(String path) throws Exception {
        return send("GET", path, null, true).statusCode();
    }

    int post(String path, String body) throws Exception {
        return send("POST", path, body, true).statusCode();
    }

    HttpResponse<String> send(String method, String path, String body, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authenticated) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static long id(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No id in " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
