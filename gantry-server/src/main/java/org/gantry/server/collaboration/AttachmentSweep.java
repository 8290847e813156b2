package org.gantry.server.collaboration;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes attachment files no row refers to any more: those of tasks and projects that were deleted
 * (the database deletes their rows by cascade and cannot delete files), and uploads a crash left in
 * {@code incoming/}. Only files older than a grace period go, so an upload that is being committed right
 * now is never touched. Runs every hour as a db-scheduler task (one instance at a time).
 */
@Component
public class AttachmentSweep {

    private static final Logger log = LoggerFactory.getLogger(AttachmentSweep.class);
    static final Duration GRACE = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final AttachmentStore store;
    private final org.springframework.beans.factory.ObjectProvider<StoredFiles> otherFiles;

    AttachmentSweep(
            JdbcClient jdbc,
            AttachmentStore store,
            org.springframework.beans.factory.ObjectProvider<StoredFiles> otherFiles) {
        this.jdbc = jdbc;
        this.store = store;
        this.otherFiles = otherFiles;
    }

    /** Deletes unreferenced files older than {@code minimumAge}; returns how many went. */
    public int sweep(Duration minimumAge) {
        Instant before = Instant.now().minus(minimumAge);
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(store.root())) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                boolean incoming = folder.getFileName().toString().equals("incoming");
                List<Path> old = new ArrayList<>();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path file : files) {
                        if (Files.isRegularFile(file)
                                && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                            old.add(file);
                        }
                    }
                }
                Set<String> referenced = incoming ? Set.of() : referenced(old);
                for (Path file : old) {
                    if (!referenced.contains(file.getFileName().toString())) {
                        store.deleteQuietly(file);
                        removed++;
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep the attachments folder {}: {}", store.root(), e.toString());
        }
        if (removed > 0) {
            log.info("Removed {} attachment file(s) no task refers to any more", removed);
        }
        return removed;
    }

    private Set<String> referenced(List<Path> files) {
        if (files.isEmpty()) {
            return Set.of();
        }
        String[] keys =
                files.stream().map(file -> file.getFileName().toString()).toArray(String[]::new);
        Set<String> referenced =
                new HashSet<>(jdbc.sql("select storage_key from task_attachment where storage_key = any(?)")
                        .param(keys)
                        .query(String.class)
                        .list());
        for (StoredFiles other : otherFiles) {
            referenced.addAll(other.referenced(keys));
        }
        return referenced;
    }
}
