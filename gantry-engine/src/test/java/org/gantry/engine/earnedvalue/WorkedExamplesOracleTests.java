package org.gantry.engine.earnedvalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads ../shared/oracles/evm/worked-examples.md, computes every example from its inputs and checks every
 * figure its "expected" column gives, at the precision printed there (0.667 is checked to three decimals).
 * Nothing is copied: the inputs, the plans and the expected figures all come from the file.
 */
@Tag("oracle")
class WorkedExamplesOracleTests {
    private static final String NUMBER = "(-?\\d[\\d,]*(?:\\.\\d+)?)";

    /** Each indicator as the file names it, the longer names first so "EAC = BAC/CPI" is not read as "EAC". */
    private static final Map<String, Function<Example, BigDecimal>> INDICATORS = new LinkedHashMap<>();

    static {
        INDICATORS.put(
                "TCPI against EAC = BAC/CPI: (BAC - EV)/(EAC - AC)",
                e -> e.value.toCompletePerformanceIndex(
                        e.value.estimateAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE)));
        INDICATORS.put("TCPI against BAC (BAC - EV)/(BAC - AC)", e -> e.value.toCompletePerformanceIndex());
        INDICATORS.put(
                "EAC = AC + (BAC - EV)/(CPI x SPI)",
                e -> e.value.estimateAtCompletion(EstimateMethod.REMAINING_AT_COST_AND_SCHEDULE_PERFORMANCE));
        INDICATORS.put(
                "EAC = AC + (BAC - EV)", e -> e.value.estimateAtCompletion(EstimateMethod.REMAINING_AT_BUDGETED_RATE));
        INDICATORS.put("EAC = BAC/CPI", e -> e.value.estimateAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE));
        INDICATORS.put("forecast duration", e -> e.value.forecastDuration(e.plannedDuration()));
        INDICATORS.put("IEAC(t)", e -> e.schedule().independentEstimateAtCompletion());
        INDICATORS.put("SPI(t)", e -> e.schedule().schedulePerformanceIndex());
        INDICATORS.put("SV(t)", e -> e.schedule().scheduleVariance());
        INDICATORS.put("ES", e -> e.schedule().earnedSchedule());
        INDICATORS.put("C", e -> BigDecimal.valueOf(e.schedule().completedPeriods()));
        INDICATORS.put("TCPI", e -> e.value.toCompletePerformanceIndex());
        INDICATORS.put("EAC", e -> e.value.estimateAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE));
        INDICATORS.put("ETC", e -> e.value.estimateToComplete(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE));
        INDICATORS.put("VAC", e -> e.value.varianceAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE));
        INDICATORS.put("SPI", e -> e.value.schedulePerformanceIndex());
        INDICATORS.put("CPI", e -> e.value.costPerformanceIndex());
        INDICATORS.put("SV", e -> e.value.scheduleVariance());
        INDICATORS.put("CV", e -> e.value.costVariance());
        INDICATORS.put("PV", e -> e.value.plannedValue());
    }

    @Test
    void everyPublishedExampleIsReproducedToThePrecisionItIsPrintedWith() throws IOException {
        String oracles = System.getProperty("gantry.oracles");
        assertThat(oracles).as("system property gantry.oracles").isNotBlank();
        Path file = Path.of(oracles, "evm", "worked-examples.md");
        assertThat(Files.isRegularFile(file)).as(file + " exists").isTrue();

        List<Example> examples = examples(Files.readAllLines(file));
        assertThat(examples).as("examples in " + file).hasSizeGreaterThanOrEqualTo(9);

        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Example example : examples) {
            List<Figure> figures = figures(example.expected);
            assertThat(figures).as("figures of example " + example.number).hasSizeGreaterThanOrEqualTo(2);
            for (Figure figure : figures) {
                BigDecimal computed = INDICATORS.get(figure.indicator).apply(example);
                BigDecimal rounded = computed == null
                        ? null
                        : computed.setScale(Math.max(0, figure.expected.scale()), RoundingMode.HALF_UP);
                checked++;
                System.out.printf(
                        "example %s: %s expected %s, computed %s%n",
                        example.number, figure.indicator, figure.expected.toPlainString(), computed);
                if (rounded == null || rounded.compareTo(figure.expected) != 0) {
                    mismatches.add("example " + example.number + ": " + figure.indicator + " expected "
                            + figure.expected.toPlainString() + ", got " + computed);
                }
            }
        }
        System.out.println(examples.size() + " examples, " + checked + " figures checked");
        assertThat(mismatches).isEmpty();
    }

    /** The rows of both tables: classic (# source BAC PV EV AC expected) and earned schedule (# plan BAC AT EV AC expected). */
    private static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        boolean earnedScheduleTable = false;
        for (String line : lines) {
            if (line.startsWith("| # | plan")) {
                earnedScheduleTable = true;
            }
            if (!line.matches("\\|\\s*\\d+\\s*\\|.*")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String number = cells[1].trim();
            String described = cells[2].trim();
            BigDecimal budget = amount(cells[3]);
            BigDecimal earned = amount(cells[5]);
            BigDecimal actual = amount(cells[6]);
            String expected = cells[7].trim();
            if (earnedScheduleTable) {
                PlannedValueCurve plan = plan(described);
                BigDecimal actualTime = amount(cells[4]);
                BigDecimal planned = plan.plannedValueAt(actualTime.intValueExact());
                examples.add(new Example(
                        number,
                        expected,
                        new EarnedValue(budget, planned, earned, actual),
                        plan,
                        actualTime,
                        BigDecimal.valueOf(plan.plannedDuration())));
                continue;
            }
            BigDecimal planned = amount(cells[4]);
            Matcher shares = Pattern.compile("cumulative plan ([\\d/]+) %").matcher(described);
            if (shares.find()) {
                // The time-phased example: PV from the plan at the status period, EV from percent complete.
                List<BigDecimal> percents = List.of(shares.group(1).split("/")).stream()
                        .map(BigDecimal::new)
                        .map(p -> p.movePointLeft(2))
                        .toList();
                PlannedValueCurve plan = PlannedValueCurve.ofShares(budget, percents);
                int status = Integer.parseInt(find(described, "status at period (\\d+)"));
                BigDecimal complete = new BigDecimal(find(described, "(\\d+) % complete")).movePointLeft(2);
                BigDecimal timePhasedPlanned = plan.plannedValueAt(status);
                BigDecimal earnedFromProgress = budget.multiply(complete);
                assertThat(timePhasedPlanned).as("PV of example " + number).isEqualByComparingTo(planned);
                assertThat(earnedFromProgress).as("EV of example " + number).isEqualByComparingTo(earned);
                planned = timePhasedPlanned;
                earned = earnedFromProgress;
            }
            String months = described.matches(".*\\d+-month plan.*") ? find(described, "(\\d+)-month plan") : null;
            examples.add(new Example(
                    number,
                    expected,
                    new EarnedValue(budget == null ? BigDecimal.ZERO : budget, planned, earned, actual),
                    null,
                    null,
                    months == null ? null : new BigDecimal(months)));
        }
        return examples;
    }

    private static PlannedValueCurve plan(String described) {
        Matcher linear =
                Pattern.compile(NUMBER + " per month for (\\d+) months").matcher(described);
        if (linear.find()) {
            BigDecimal step = amount(linear.group(1));
            int months = Integer.parseInt(linear.group(2));
            List<BigDecimal> cumulative = new ArrayList<>();
            for (int month = 1; month <= months; month++) {
                cumulative.add(step.multiply(BigDecimal.valueOf(month)));
            }
            return new PlannedValueCurve(cumulative);
        }
        String values = described.replaceAll("\\(.*\\)", "");
        return new PlannedValueCurve(List.of(values.split("/")).stream()
                .map(WorkedExamplesOracleTests::amount)
                .toList());
    }

    /** Every "indicator number" pair in an expected cell, reading left to right. */
    private static List<Figure> figures(String expected) {
        List<Figure> figures = new ArrayList<>();
        int at = 0;
        outer:
        while (at < expected.length()) {
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(expected.charAt(at - 1));
            if (wordStart) {
                for (String indicator : INDICATORS.keySet()) {
                    if (!expected.startsWith(indicator, at)) {
                        continue;
                    }
                    Matcher number = Pattern.compile("\\s*:?\\s*" + NUMBER + "(?![\\d/])")
                            .matcher(expected)
                            .region(at + indicator.length(), expected.length());
                    if (number.lookingAt()) {
                        figures.add(new Figure(indicator, amount(number.group(1))));
                        at = number.end();
                        continue outer;
                    }
                }
            }
            at++;
        }
        return figures;
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }

    private static BigDecimal amount(String cell) {
        String plain = cell.trim().replace(",", "");
        return plain.equals("-") || plain.isEmpty() ? null : new BigDecimal(plain);
    }

    private record Figure(String indicator, BigDecimal expected) {}

    private record Example(
            String number,
            String expected,
            EarnedValue value,
            PlannedValueCurve plan,
            BigDecimal actualTime,
            BigDecimal plannedDuration) {
        EarnedSchedule schedule() {
            return plan.earnedSchedule(value.earnedValue(), actualTime);
        }
    }
}
