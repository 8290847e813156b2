package org.gantry.engine;

import java.time.LocalDateTime;

/**
 * What has happened on a task. A task with an actual start is in progress: it keeps its actual start and
 * its remaining duration is scheduled from there; with an actual finish it is complete and its dates are
 * fixed. {@code remainingDuration} null means "duration minus what the percentage says is done".
 */
public record Progress(
        LocalDateTime actualStart, LocalDateTime actualFinish, double percentComplete, WorkDuration remainingDuration) {
    public static final Progress NONE = new Progress(null, null, 0, null);

    public Progress {
        if (actualFinish != null && actualStart == null) {
            throw new IllegalArgumentException("a task cannot finish before it has started");
        }
        if (percentComplete < 0 || percentComplete > 100) {
            throw new IllegalArgumentException("percent complete must be within 0..100: " + percentComplete);
        }
    }

    public static Progress startedOn(LocalDateTime actualStart, double percentComplete) {
        return new Progress(actualStart, null, percentComplete, null);
    }

    public static Progress finished(LocalDateTime actualStart, LocalDateTime actualFinish) {
        return new Progress(actualStart, actualFinish, 100, WorkDuration.ZERO);
    }

    boolean started() {
        return actualStart != null;
    }

    boolean finished() {
        return actualFinish != null;
    }
}
