package org.gantry.server.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the Resources page writes work, units and rates for a project manager. */
class ResourceFiguresTests {

    @Test
    void workIsShownInHoursWithoutNeedlessDecimals() {
        assertThat(ResourcePages.hours(4500)).isEqualTo("75 h");
        assertThat(ResourcePages.hours(90)).isEqualTo("1.5 h");
        assertThat(ResourcePages.hours(0)).isEqualTo("0 h");
        assertThat(ResourcePages.hours(20)).isEqualTo("0.33 h");
    }

    @Test
    void ratesNameTheirCurrencyAndTimeUnitAndElapsedUnitsReadLikeWorkingOnes() {
        assertThat(ResourcePages.rate(new BigDecimal("45"), "HOURS", "USD")).isEqualTo("45.00 USD/h");
        assertThat(ResourcePages.rate(new BigDecimal("400"), "DAYS", "EUR")).isEqualTo("400.00 EUR/day");
        assertThat(ResourcePages.rate(new BigDecimal("2000"), "ELAPSED_WEEKS", "EUR"))
                .isEqualTo("2000.00 EUR/week");
        assertThat(ResourcePages.rate(new BigDecimal("1.255"), null, "GBP")).isEqualTo("1.26 GBP/h");
    }

    @Test
    void aMissingOrZeroRateIsLeftBlank() {
        assertThat(ResourcePages.rate(null, "HOURS", "EUR")).isEmpty();
        assertThat(ResourcePages.rate(BigDecimal.ZERO, "HOURS", "EUR")).isEmpty();
    }

    @Test
    void maximumUnitsArePercentagesAndMaterialQuantitiesAreBareNumbers() {
        assertThat(ResourcePages.percent(new BigDecimal("100.00"))).isEqualTo("100 %");
        assertThat(ResourcePages.percent(new BigDecimal("37.50"))).isEqualTo("37.5 %");
        Assignment material = new Assignment(
                1, 2, "Pour", "1", 3, "Concrete", "MATERIAL", new BigDecimal("12.50"), 0, 0, 0, null, null, "FLAT", 0);
        assertThat(material.unitsText()).isEqualTo("12.5");
        Assignment work = new Assignment(
                1, 2, "Pour", "1", 4, "Welder", "WORK", new BigDecimal("200.00"), 2880, 0, 2880, null, null, "FLAT", 0);
        assertThat(work.unitsText()).isEqualTo("200 %");
        assertThat(work.workText()).isEqualTo("48 h");
    }
}
