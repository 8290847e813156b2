package org.gantry.server.timesheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoursTests {

    @Test
    void hoursAreReadAsDecimalsOrAsHoursAndMinutes() {
        assertThat(Hours.minutes("1.5")).isEqualTo(90);
        assertThat(Hours.minutes("1,25")).isEqualTo(75);
        assertThat(Hours.minutes("1:30")).isEqualTo(90);
        assertThat(Hours.minutes("0:05")).isEqualTo(5);
        assertThat(Hours.minutes(".5")).isEqualTo(30);
        assertThat(Hours.minutes(2)).isEqualTo(120);
        assertThat(Hours.minutes(0.75)).isEqualTo(45);
    }

    @Test
    void anythingElseIsNotHours() {
        assertThat(Hours.minutes("1:75")).isNull();
        assertThat(Hours.minutes("one")).isNull();
        assertThat(Hours.minutes("-1")).isNull();
        assertThat(Hours.minutes("1.5h")).isNull();
        assertThat(Hours.minutes(true)).isNull();
        assertThat(Hours.minutes(-2)).isNull();
    }

    @Test
    void minutesAreShownAsHoursWithoutTrailingZeros() {
        assertThat(Hours.of(90)).hasToString("1.5");
        assertThat(Hours.of(600)).hasToString("10");
        assertThat(Hours.of(20)).hasToString("0.3333");
    }
}
