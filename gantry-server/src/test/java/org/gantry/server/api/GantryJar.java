package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The built server jar run as its own process on one data folder, the way an operator runs it: as the
 * server ({@link #start}), or as a command ({@link #run}). {@link #close} stops the server and any
 * PostgreSQL left on the folder, so no test leaves a process behind.
 */
final class GantryJar implements AutoCloseable {

    static final Path JAR = Path.of("target", "gantry-server.jar");
    private static final Duration START_LIMIT = Duration.ofMinutes(4);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dataFolder;
    private final Path logs;
    private Process server;
    private Path serverLog;
    private int port;
    private int runs;

    GantryJar(Path dataFolder, String name) throws IOException {
        assertThat(JAR).as("the runnable jar (built by package, before verify)").exists();
        this.dataFolder = dataFolder;
        this.logs = Files.createDirectories(Path.of("target", "jar-runs", name));
    }

    record Result(int exitCode, String output) {}

    /** Starts the server on the data folder with {@code environment} and waits until it answers. */
    void start(Map<String, String> environment) throws Exception {
        port = freePort();
        Path log = logs.resolve("server-" + (++runs) + ".log");
        serverLog = log;
        ProcessBuilder builder = builder(log, "--server.port=" + port);
        builder.environment().putAll(environment);
        server = builder.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!answers()) {
            assertThat(server.isAlive())
                    .as("the server started (log: %s)%n%s", log, tail(log))
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("the server answered within " + START_LIMIT)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Runs {@code java -jar gantry-server.jar arguments...} on the data folder and waits for it to end. */
    Result run(String... arguments) throws Exception {
        Path log = logs.resolve("command-" + (++runs) + ".log");
        Process command = builder(log, arguments).start();
        assertThat(command.waitFor(4, TimeUnit.MINUTES))
                .as("the command ended (log: %s)", log)
                .isTrue();
        return new Result(command.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    ApiClient api(String token) {
        return new ApiClient(baseUrl(), token);
    }

    /** SIGTERM, as a service manager stops it: the server ends its requests and its database, then exits. */
    int stop() throws Exception {
        signalStop();
        return awaitExit();
    }

    /** SIGKILL, as a crash: no shutdown hook runs. Waits until the process is gone. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM without waiting. */
    void signalStop() {
        server.destroy();
    }

    int awaitExit() throws InterruptedException {
        assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("the server stopped").isTrue();
        return server.exitValue();
    }

    /** What the running (or last) server wrote to its console. */
    String serverLog() throws IOException {
        return Files.readString(serverLog, StandardCharsets.UTF_8);
    }

    /** The PostgreSQL of the data folder, if one runs (its postmaster.pid names it). */
    Optional<ProcessHandle> postmaster() {
        try {
            return pidFileLine(0)
                    .map(Long::parseLong)
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Line {@code index} of the data folder's postmaster.pid (0: the process, 3: the port). */
    Optional<String> pidFileLine(int index) {
        try {
            List<String> lines =
                    Files.readAllLines(dataFolder.resolve("postgres").resolve("postmaster.pid"));
            return lines.size() > index ? Optional.of(lines.get(index).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the server answers its sign-in page now. */
    boolean answering() {
        return answers();
    }

    @Override
    public void close() throws Exception {
        Optional<ProcessHandle> postmaster = postmaster();
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            ProcessHandle process = postmaster.get();
            List<ProcessHandle> children = process.children().toList();
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    private ProcessBuilder builder(Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m",
                "-jar",
                JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("GANTRY_DATA_DIR", dataFolder.toString());
        builder.environment().remove("GANTRY_DB_URL");
        return builder;
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
