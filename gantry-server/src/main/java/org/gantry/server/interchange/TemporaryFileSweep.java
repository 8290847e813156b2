package org.gantry.server.interchange;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, removes what imports of an earlier run left in the temporary folder: MPXJ's files and folders
 * ({@code mpxj*}), which stay behind only when that process was killed mid-import (every import releases
 * its own on every way out). Only entries older than {@link #STALE} go: another server on the same machine
 * may be importing right now, and no import takes that long.
 */
@Component
class TemporaryFileSweep {
    static final Duration STALE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(TemporaryFileSweep.class);

    @EventListener(ApplicationStartedEvent.class)
    void atStart() {
        int removed = sweep(
                Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(STALE));
        if (removed > 0) {
            log.info("Removed {} temporary files and folders left by imports of an earlier run", removed);
        }
    }

    /** Removes the {@code mpxj*} entries of {@code folder} last changed before {@code before}; how many. */
    static int sweep(Path folder, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "mpxj*")) {
            for (Path entry : entries) {
                try {
                    if (Files.getLastModifiedTime(entry).toInstant().isBefore(before)) {
                        delete(entry);
                        removed++;
                    }
                } catch (IOException e) {
                    log.warn("Could not remove the temporary {}: {}", entry, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for stale temporary files in {}: {}", folder, e.getMessage());
        }
        return removed;
    }

    private static void delete(Path entry) throws IOException {
        Files.walkFileTree(entry, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
