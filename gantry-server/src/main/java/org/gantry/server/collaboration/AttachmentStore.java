package org.gantry.server.collaboration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where attachments' bytes live: {@code <data folder>/attachments} (or {@code gantry.attachment.dir}),
 * each file named by a random key, spread over 256 sub-folders. Uploads are first written to
 * {@code incoming/} and only moved into place when their row is committed. With an ephemeral database
 * (tests, throw-away demos) the files go to a temporary folder that is removed on shutdown.
 */
@Component
public class AttachmentStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);

    private final Path root;
    private final boolean temporary;

    AttachmentStore(
            @Value("${gantry.attachment.dir:}") String directory,
            @Value("${gantry.data-dir:gantry-data}") String dataDirectory,
            @Value("${gantry.db.ephemeral:false}") boolean ephemeral) {
        try {
            if (!directory.isBlank()) {
                root = Path.of(directory).toAbsolutePath().normalize();
                temporary = false;
            } else if (ephemeral) {
                root = Files.createTempDirectory("gantry-attachments-");
                temporary = true;
            } else {
                root = Path.of(dataDirectory, "attachments").toAbsolutePath().normalize();
                temporary = false;
            }
            Files.createDirectories(root.resolve("incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the attachments folder", e);
        }
    }

    public Path root() {
        return root;
    }

    static String newKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A new, empty file in the incoming folder. */
    Path newIncoming() throws IOException {
        return Files.createTempFile(root.resolve("incoming"), "upload-", ".part");
    }

    Path path(String key) {
        if (!key.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    /** Moves an upload into place under its key (atomically: the file is there whole or not at all). */
    void place(Path incoming, String key) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
    }

    void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    @Override
    public void destroy() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(this::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not remove the temporary attachments folder {}: {}", root, e.toString());
        }
    }
}
