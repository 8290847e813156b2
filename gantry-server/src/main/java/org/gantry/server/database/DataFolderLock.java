package org.gantry.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock on {@code gantry.lock} in the data folder, held for the life of the JVM.
 * The OS drops it when the process ends in any way (also {@code kill -9}), so a free lock proves
 * that no live Gantry owns the folder: a postmaster still running there is an orphan. Held locks are
 * never released; a second start in the same JVM on the same folder reuses the one it has.
 */
final class DataFolderLock {

    static final String FILE_NAME = "gantry.lock";

    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private DataFolderLock() {}

    /** Locks the folder for this JVM, or throws {@link DataFolderInUse} when another process holds it. */
    static void acquire(Path dataFolder) {
        Path folder = dataFolder.toAbsolutePath().normalize();
        HELD.computeIfAbsent(folder, DataFolderLock::lock);
    }

    private static FileLock lock(Path folder) {
        try {
            Files.createDirectories(folder);
            FileChannel channel =
                    FileChannel.open(folder.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataFolderInUse(folder);
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data folder " + folder, e);
        }
    }
}
