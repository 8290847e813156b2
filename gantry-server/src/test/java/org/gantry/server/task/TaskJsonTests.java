package org.gantry.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class TaskJsonTests {

    private final JsonMapper reflective = JsonMapper.builder().build();
    private final JsonMapper fast = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Task.class, new TaskJson()))
            .build();

    @Test
    void writesEveryFieldExactlyAsJacksonWouldFromTheRecord() {
        for (Task task : List.of(fullTask(), emptyTask())) {
            assertThat(fast.readTree(fast.writeValueAsString(task)))
                    .isEqualTo(reflective.readTree(reflective.writeValueAsString(task)));
        }
    }

    @Test
    void datesAreWrittenAsTheIsoFormatterWritesThem() {
        Random random = new Random(20261207);
        List<LocalDateTime> samples = new ArrayList<>(List.of(
                LocalDateTime.of(1900, 1, 1, 0, 0),
                LocalDateTime.of(2200, 12, 31, 23, 59, 59),
                LocalDateTime.of(999, 5, 6, 7, 8),
                LocalDateTime.of(10000, 1, 1, 0, 0),
                LocalDateTime.of(-4, 2, 29, 12, 0),
                LocalDateTime.of(2027, 1, 4, 8, 0, 0, 500_000_000),
                LocalDateTime.of(2027, 1, 4, 8, 0, 0, 1)));
        for (int i = 0; i < 10_000; i++) {
            samples.add(LocalDateTime.of(
                    1000 + random.nextInt(9000),
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60)));
        }
        for (LocalDateTime sample : samples) {
            assertThat(TaskJson.dateTime(sample)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(sample));
        }
    }

    @Test
    void aTaskWithItsLinksIsStillUnwrapped() {
        Link link = new Link(3, 1, "A", "1", 2, "B", "2", LinkType.START_START, -480, DurationUnit.DAYS, "-1d", 0);
        TaskDetails details = new TaskDetails(fullTask(), List.of(link), List.of());
        assertThat(fast.readTree(fast.writeValueAsString(details)))
                .isEqualTo(reflective.readTree(reflective.writeValueAsString(details)));
        assertThat(fast.readTree(fast.writeValueAsString(details)).get("name").asString())
                .isEqualTo("Build \"it\"");
    }

    private static Task fullTask() {
        return new Task(
                7,
                1,
                3L,
                2,
                "1.2",
                2,
                "Build \"it\"",
                "line\nbreak",
                TaskType.MILESTONE,
                false,
                true,
                "in_progress",
                Priority.HIGH,
                List.of("a", "b"),
                List.of(new Assignee(5, "Ana"), new Assignee(6, "Ben")),
                960,
                DurationUnit.DAYS,
                "2d",
                LocalDateTime.of(2026, 3, 2, 8, 0),
                LocalDateTime.of(2026, 3, 3, 17, 30, 15),
                40,
                null,
                Instant.parse("2026-01-01T10:00:00.123456Z"),
                Instant.parse("2026-01-02T10:00:00Z"),
                3);
    }

    private static Task emptyTask() {
        return new Task(
                8,
                1,
                null,
                1,
                "1",
                1,
                "X",
                "",
                TaskType.SUMMARY,
                true,
                false,
                "todo",
                Priority.NORMAL,
                List.of(),
                List.of(),
                0,
                DurationUnit.HOURS,
                "0h",
                null,
                null,
                0,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                0);
    }
}
