package org.gantry.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL left running in our data folder by a Gantry that died without stopping it
 * ({@code kill -9}, a crash). Call it only while holding the {@link DataFolderLock}: then no live
 * Gantry owns the folder. The process named in {@code postmaster.pid} is stopped only when
 * {@code /proc/<pid>/cmdline} shows it is a postmaster of this very folder, so a recycled process id
 * never makes us signal an unrelated process.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private OrphanedPostmaster() {}

    /** Stops the orphaned postmaster of {@code postgresFolder}, if any; removes a stale pid file. */
    static void stopIfAny(Path postgresFolder) {
        Path pidFile = postgresFolder.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // PostgreSQL removes a pid file whose process is gone by itself.
            return;
        }
        if (!isPostmasterOf(pid.get(), postgresFolder)) {
            // The id now belongs to another program; PostgreSQL would refuse to start ("is another
            // postmaster running?"), and no postmaster of ours can be running under another id.
            log.warn(
                    "{} names process {}, which is not a PostgreSQL of this folder: removing the stale file",
                    pidFile,
                    pid.get());
            deleteQuietly(pidFile);
            return;
        }
        log.warn(
                "A PostgreSQL (process {}) is still running in {} without its Gantry server (it was probably"
                        + " killed); stopping it before starting again",
                pid.get(),
                postgresFolder);
        stop(process.get());
    }

    /** Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit); SIGKILL as the last resort. */
    private static void stop(ProcessHandle postmaster) {
        List<ProcessHandle> children = postmaster.children().toList();
        signal(postmaster.pid(), "INT");
        if (waitForExit(postmaster, FAST_SHUTDOWN_WAIT)) {
            log.info("The orphaned PostgreSQL {} stopped", postmaster.pid());
            return;
        }
        log.warn("The orphaned PostgreSQL {} did not stop within {}: killing it", postmaster.pid(), FAST_SHUTDOWN_WAIT);
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        if (!waitForExit(postmaster, KILL_WAIT)) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL process " + postmaster.pid());
        }
        // Its server processes leave by themselves once the postmaster is gone; wait for them, as
        // PostgreSQL refuses to start while they still hold the old shared memory.
        children.forEach(child -> waitForExit(child, KILL_WAIT));
    }

    static boolean isPostmasterOf(long pid, Path postgresFolder) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> arguments = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
            int dataFlag = arguments.indexOf("-D");
            if (arguments.isEmpty()
                    || !Path.of(arguments.get(0)).getFileName().toString().equals("postgres")
                    || dataFlag < 0
                    || dataFlag + 1 >= arguments.size()) {
                return false;
            }
            return sameFolder(Path.of(arguments.get(dataFlag + 1)), postgresFolder);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameFolder(Path a, Path b) throws IOException {
        return a.toRealPath().equals(b.toRealPath());
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            log.warn("Could not send SIG{} to {}", signal, pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}", file, e);
        }
    }
}
