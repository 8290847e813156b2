package org.gantry.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanDay;
import org.gantry.interchange.PlanPeriod;
import org.gantry.interchange.PlanWorkWeek;
import org.junit.jupiter.api.Test;

class StoredCalendarsTests {

    @Test
    void aCalendarReadBackEqualsTheOneWritten() {
        PlanCalendar standard = PlanCalendar.standard("1", "Standard");
        Map<DayOfWeek, PlanDay> summer = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            summer.put(
                    day,
                    day == DayOfWeek.FRIDAY
                            ? new PlanDay(
                                    PlanDay.Kind.WORKING,
                                    List.of(new PlanPeriod(LocalTime.of(7, 0), LocalTime.of(13, 0))))
                            : PlanDay.INHERITED);
        }
        PlanCalendar calendar = new PlanCalendar(
                "7",
                "Night shift",
                "1",
                standard.week(),
                List.of(new PlanWorkWeek("Summer", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), summer)),
                List.of(new PlanCalendarException(
                        "Christmas", LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26), List.of(), null)));

        PlanCalendar read = StoredCalendars.read(StoredCalendars.write(calendar));

        assertThat(read).isEqualTo(calendar);
    }
}
