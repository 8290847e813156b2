package org.gantry.server.schedule;

import java.time.LocalDateTime;

/**
 * A task whose computed schedule changed in a reschedule: its new dates (and the previous ones), slack,
 * critical flag and version. {@code moved} is true when its start or finish changed (then its version
 * was bumped, so a client holding the old version learns of the move on its next edit); slack and the
 * critical flag can change without the dates moving.
 */
public record MovedTask(
        long id,
        LocalDateTime start,
        LocalDateTime finish,
        LocalDateTime previousStart,
        LocalDateTime previousFinish,
        long durationMinutes,
        long totalSlackMinutes,
        long freeSlackMinutes,
        boolean critical,
        boolean moved,
        int version) {}
