package org.gantry.server.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFileSweepTests {
    @TempDir
    Path folder;

    @Test
    void removesOnlyStaleImportLeftovers() throws IOException {
        Instant old = Instant.now().minus(Duration.ofHours(2));
        Path staleFile = Files.writeString(folder.resolve("mpxj123.dat"), "x");
        Path staleFolder = Files.createDirectories(folder.resolve("mpxj456tmp/inner"));
        Files.writeString(staleFolder.resolve("plan.xml"), "x");
        Path fresh = Files.writeString(folder.resolve("mpxj789.dat"), "x");
        Path other = Files.writeString(folder.resolve("someone-else.tmp"), "x");
        for (Path path : new Path[] {staleFile, staleFolder.getParent(), other}) {
            Files.setLastModifiedTime(path, FileTime.from(old));
        }

        int removed = TemporaryFileSweep.sweep(folder, Instant.now().minus(TemporaryFileSweep.STALE));

        assertThat(removed).isEqualTo(2);
        assertThat(staleFile).doesNotExist();
        assertThat(staleFolder.getParent()).doesNotExist();
        assertThat(fresh).exists();
        assertThat(other).exists();
    }
}
