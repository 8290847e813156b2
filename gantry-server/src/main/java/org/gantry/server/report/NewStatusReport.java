package org.gantry.server.report;

import java.time.LocalDate;

/**
 * Creating a status report; every field optional. statusDate: the report date (default the project's status
 * date, else today); baselineSlot: the baseline the milestones and the variance table compare with (0 to 10,
 * default 0); nextPeriodDays: how far ahead next steps look (1 to 92, default 14); title (default "Status
 * report" and the date).
 */
public record NewStatusReport(String title, LocalDate statusDate, Integer baselineSlot, Integer nextPeriodDays) {}
