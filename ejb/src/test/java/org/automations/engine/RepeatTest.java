package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.Execute;
import org.automations.flow.Repeat;
import org.automations.flow.Task;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * repeat(): loops back to its start node or the first node, on a schedule counted from the first
 * execution (slot k = origin + k * interval), or at a time of day (UTC).
 */
class RepeatTest {

    /** Monday, 09:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> statuses(long id) {
        return fixture.tasks(id).stream().map(AutomationTaskModel::getStatus).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> runs(long id) {
        return (List<String>) Json.readMap(fixture.instance(id).getData()).get("runs");
    }

    /** Records each run of the loop body under "runs". */
    public abstract static class Looping extends Automation {
        @SuppressWarnings("unchecked")
        void record(Task task) {
            ((List<Object>) task.data().computeIfAbsent("runs", k -> new java.util.ArrayList<>())).add(task.now().toString());
        }
    }

    public static class Minutes extends Looping {
        final Execute tick = execute(this::record);
        final Repeat again = repeat().everyNMinutes(15);
    }

    @Test
    void everyNMinutesCountsFromTheFirstExecutionAndDoesNotDriftWhenLate() {
        fixture.register(Minutes.class);
        long id = fixture.start(Minutes.class, Map.of());

        assertThat(runs(id)).containsExactly("2026-03-02T09:00:00Z");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));

        fixture.clock.advance(Duration.ofMinutes(14));
        assertThat(fixture.step()).isZero();
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(runs(id)).containsExactly("2026-03-02T09:00:00Z", "2026-03-02T09:15:00Z");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));

        // 20 minutes late for the 09:30 slot: the next slot is still on the 15-minute grid
        fixture.clock.advance(Duration.ofMinutes(35));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(runs(id)).containsExactly("2026-03-02T09:00:00Z", "2026-03-02T09:15:00Z", "2026-03-02T09:50:00Z");
        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
        assertThat(instance.getState()).isEqualTo(AutomationState.RUNNING);
        assertThat(statuses(id)).containsExactly("tick", "again", "tick", "again", "tick", "again");
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks.get(1).getResult()).isEqualTo("{\"slot\":\"2026-03-02T09:15:00Z\"}");
        assertThat(tasks.get(3).getResult()).isEqualTo("{\"slot\":\"2026-03-02T09:30:00Z\"}");
        assertThat(tasks.get(5).isOpen()).isTrue();

        fixture.clock.advance(Duration.ofMinutes(10));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(runs(id)).hasSize(4).last().isEqualTo("2026-03-02T10:00:00Z");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(75)));
    }

    public static class FromSecond extends Looping {
        final Execute first = execute(task -> {
            task.data().put("initialised", true);
        });
        final Execute second = execute(this::record);
        final Repeat loop = repeat("second").everyHour(2);
    }

    @Test
    void restartsAtTheGivenNodeEveryNHours() {
        fixture.register(FromSecond.class);
        long id = fixture.start(FromSecond.class, Map.of());
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));

        fixture.clock.advance(Duration.ofHours(2));
        fixture.step();
        fixture.clock.advance(Duration.ofHours(3)); // one hour late
        fixture.step();

        assertThat(statuses(id)).containsExactly("first", "second", "loop", "second", "loop", "second", "loop");
        assertThat(runs(id)).containsExactly("2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z", "2026-03-02T14:00:00Z");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    public static class Hourly extends Looping {
        final Execute tick = execute(this::record);
        final Repeat again = repeat().everyHour();
    }

    public static class EveryThreeDays extends Looping {
        final Execute tick = execute(this::record);
        final Repeat again = repeat().everyNDays(3);
    }

    public static class Daily extends Looping {
        final Execute tick = execute(this::record);
        final Repeat again = repeat().everyDay();
    }

    @Test
    void everyHourEveryNDaysAndEveryDayLoopOnTheirInterval() {
        fixture.register(Hourly.class).register(EveryThreeDays.class).register(Daily.class);
        long hourly = fixture.start(Hourly.class, Map.of());
        long threeDays = fixture.start(EveryThreeDays.class, Map.of());
        long daily = fixture.start(Daily.class, Map.of());

        assertThat(fixture.instance(hourly).getDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(fixture.instance(threeDays).getDueAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(fixture.instance(daily).getDueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));

        fixture.clock.advance(Duration.ofDays(1).plusMinutes(30));
        assertThat(fixture.step()).isEqualTo(2);
        assertThat(runs(hourly)).containsExactly("2026-03-02T09:00:00Z", "2026-03-03T09:30:00Z");
        assertThat(fixture.instance(hourly).getDueAt()).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(runs(daily)).containsExactly("2026-03-02T09:00:00Z", "2026-03-03T09:30:00Z");
        assertThat(fixture.instance(daily).getDueAt()).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
        assertThat(runs(threeDays)).containsExactly("2026-03-02T09:00:00Z");

        fixture.clock.advance(Duration.ofDays(2));
        fixture.step();
        assertThat(runs(threeDays)).containsExactly("2026-03-02T09:00:00Z", "2026-03-05T09:30:00Z");
        assertThat(fixture.instance(threeDays).getDueAt()).isEqualTo(Instant.parse("2026-03-08T09:00:00Z"));
        assertThat(runs(daily)).containsExactly("2026-03-02T09:00:00Z", "2026-03-03T09:30:00Z", "2026-03-05T09:30:00Z");
        assertThat(fixture.instance(daily).getDueAt()).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
    }

    public static class Morning extends Looping {
        final Execute tick = execute(this::record);
        final Repeat again = repeat().at(6, 30);
    }

    public static class TwiceWeekly extends Looping {
        final Execute tick = execute(this::record);
        final Repeat again = repeat().at(10, 15).everyNDays(3);
    }

    @Test
    void atRunsAtThatTimeOfDayInUtc() {
        fixture.register(Morning.class).register(TwiceWeekly.class);
        long morning = fixture.start(Morning.class, Map.of());
        long later = fixture.start(TwiceWeekly.class, Map.of());

        // 06:30 has passed today (it is 09:00 UTC): tomorrow; 10:15 is still ahead today
        assertThat(fixture.instance(morning).getDueAt()).isEqualTo(Instant.parse("2026-03-03T06:30:00Z"));
        assertThat(fixture.instance(later).getDueAt()).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));

        fixture.clock.advance(Duration.ofMinutes(75));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(runs(later)).containsExactly("2026-03-02T09:00:00Z", "2026-03-02T10:15:00Z");
        assertThat(fixture.instance(later).getDueAt()).isEqualTo(Instant.parse("2026-03-05T10:15:00Z"));

        // the scheduler is 40 minutes late on Tuesday: Wednesday is still 06:30
        fixture.clock.advance(Duration.ofHours(20).plusMinutes(55));
        assertThat(fixture.clock.instant()).isEqualTo(Instant.parse("2026-03-03T07:10:00Z"));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(runs(morning)).containsExactly("2026-03-02T09:00:00Z", "2026-03-03T07:10:00Z");
        assertThat(fixture.instance(morning).getDueAt()).isEqualTo(Instant.parse("2026-03-04T06:30:00Z"));
    }
}
