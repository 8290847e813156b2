package org.gantry.engine;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** What one task looked like when a baseline was captured. Work and duration in minutes. */
public record BaselineTask(
        TaskId id,
        LocalDateTime start,
        LocalDateTime finish,
        long durationMinutes,
        long workMinutes,
        BigDecimal cost) {}
