package org.gantry.interchange;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpxj.reader.UniversalProjectReader;

/**
 * Releases what MPXJ's {@link UniversalProjectReader} holds after reading a stream: the temporary files
 * and folders it unpacked an upload into and the files it opened there. The reader releases them only
 * when it recognised the file and its proxy is closed; when it recognises nothing (an unreadable .mpp, a
 * zip without a project) or fails half-way, they stay behind until the process ends, and their open
 * files until the garbage collector finds them. Its own {@code cleanup()} (private) releases all of them,
 * also those of the readers it started for the files of an unpacked folder, so it is called on every
 * way out. Calling it twice does nothing.
 */
final class ReaderCleanup {
    private static final Logger log = Logger.getLogger(ReaderCleanup.class.getName());
    private static final Method CLEANUP = cleanupMethod();

    private ReaderCleanup() {}

    static void release(UniversalProjectReader reader) {
        if (CLEANUP == null) {
            return;
        }
        try {
            CLEANUP.invoke(reader);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            log.log(Level.WARNING, "Could not release MPXJ's temporary files", e);
        }
    }

    private static Method cleanupMethod() {
        try {
            Method method = UniversalProjectReader.class.getDeclaredMethod("cleanup");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException | RuntimeException e) {
            log.log(
                    Level.WARNING,
                    "This MPXJ version has no UniversalProjectReader.cleanup(); temporary files of unreadable"
                            + " uploads are left to the sweep at start",
                    e);
            return null;
        }
    }
}
