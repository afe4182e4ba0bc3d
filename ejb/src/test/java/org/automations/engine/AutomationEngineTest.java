package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Task;
import org.automations.flow.TaskAction;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutomationEngineTest {

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    public static class Counting extends Automation {
        final Execute start = execute(this::count);
        final Execute again = execute(this::count);
        final Execute last = execute(task -> {
            task.data().put("last", task.status());
        });
        final End end = end();

        void count(Task task) {
            data().merge("n", 1, (a, b) -> (Integer) a + (Integer) b);
        }
    }

    @Test
    void runsNodesInDeclarationOrderToTheEnd() {
        fixture.register(Counting.class);
        long id = fixture.start(Counting.class, Map.of("n", 40));

        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(instance.isFinished()).isTrue();
        assertThat(instance.getDueAt()).isNull();
        assertThat(Json.readMap(instance.getData())).containsEntry("n", 42).containsEntry("last", "last");
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("start", "again", "last", "end");
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.getMessage()).isEqualTo("OK");
            assertThat(task.getFinished()).isEqualTo(fixture.clock.instant());
        });
        assertThat(tasks.get(1).getPreviousId()).isEqualTo(tasks.get(0).getId());
        assertThat(instance.getKey()).hasSize(32);
    }

    @Test
    void runningAFinishedInstanceIsAnError() {
        fixture.register(Counting.class);
        long id = fixture.start(Counting.class, Map.of("n", 0));

        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.run(engine.tasks(fixture.instance(id)).get(0).getAutomation())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FINISHED");
    }

    public static class Waiting extends Automation {
        static final Instant REMINDER = Instant.parse("2026-03-02T12:00:00Z");

        final Execute start = execute();
        final Execute remind = execute(this::mark).afterWaitingUntil(task -> REMINDER);
        final Execute replay = execute(this::mark).afterWaitingFor(Duration.ofMinutes(150));
        final End end = end();

        void mark(Task task) {
            task.data().put(task.status(), task.now().toString());
        }
    }

    @Test
    void waitsUntilATimeAndForADurationNeverEarly() {
        fixture.register(Waiting.class);
        long id = fixture.start(Waiting.class, Map.of());

        assertThat(fixture.instance(id).getDueAt()).isEqualTo(Waiting.REMINDER);
        fixture.clock.advance(Duration.ofHours(3).minusSeconds(1));
        assertThat(fixture.step()).isZero();
        assertThat(fixture.tasks(id)).extracting(AutomationTaskModel::getStatus).containsExactly("start", "remind");

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.step()).isEqualTo(1);
        AutomationModel afterReminder = fixture.instance(id);
        assertThat(afterReminder.getState()).isEqualTo(AutomationState.RUNNING);
        assertThat(afterReminder.getDueAt()).isEqualTo(Waiting.REMINDER.plus(Duration.ofMinutes(150)));

        fixture.clock.advance(Duration.ofMinutes(149));
        assertThat(fixture.step()).isZero();
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.step()).isEqualTo(1);

        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(Json.readMap(fixture.instance(id).getData()))
                .containsEntry("remind", "2026-03-02T12:00:00Z")
                .containsEntry("replay", "2026-03-02T14:30:00Z");
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("start", "remind", "replay", "end");
        assertThat(tasks.get(2).getCreated()).isEqualTo(Waiting.REMINDER);
        assertThat(tasks.get(2).getFinished()).isEqualTo(Instant.parse("2026-03-02T14:30:00Z"));
    }

    public static class Results extends Automation {
        final Execute serialisable = execute(this::answer);
        final Execute notSerialisable = execute((Task task) -> new Object());
        final End end = end();

        Map<String, Object> answer(Task task) {
            return Map.of("answer", 42);
        }
    }

    @Test
    void storesJsonResultsAndNullForAnythingElse() {
        fixture.register(Results.class);
        long id = fixture.start(Results.class, Map.of());

        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks.get(0).getResult()).isEqualTo("{\"answer\":42}");
        assertThat(tasks.get(1).getResult()).isNull();
        assertThat(tasks.get(1).getMessage()).isEqualTo("OK");
    }

    public static class Failing extends Automation {
        final Execute start = execute(this::boom);
        final End end = end();

        void boom(Task task) {
            task.data().put("lost", true);
            throw new IllegalArgumentException("no such webinar");
        }
    }

    @Test
    void anErrorStopsTheInstanceAndKeepsTheTraceback() {
        fixture.register(Failing.class);
        long id = fixture.start(Failing.class, Map.of());

        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getState()).isEqualTo(AutomationState.FAILED);
        assertThat(instance.getDueAt()).isNull();
        AutomationTaskModel failed = fixture.tasks(id).get(0);
        assertThat(failed.getMessage()).isEqualTo("java.lang.IllegalArgumentException: no such webinar");
        assertThat(Json.readMap(failed.getResult()).get("error").toString())
                .contains("IllegalArgumentException: no such webinar")
                .contains("at " + Failing.class.getName() + ".boom");
        assertThat(fixture.tasks(id)).hasSize(1);
        assertThat(fixture.step()).isZero();
    }

    public static class Recovering extends Automation {
        final Execute start = execute((TaskAction) task -> {
            throw new IllegalStateException("mail server down");
        }).onError("fallback");
        final Execute normal = execute().next("end");
        final Execute fallback = execute(task -> {
            task.data().put("recovered", true);
        });
        final End end = end();
    }

    @Test
    void onErrorContinuesAtTheNamedNode() {
        fixture.register(Recovering.class);
        long id = fixture.start(Recovering.class, Map.of());

        assertThat(fixture.instance(id).isFinished()).isTrue();
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("start", "fallback", "end");
        assertThat(tasks.get(0).getMessage()).isEqualTo("java.lang.IllegalStateException: mail server down");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("recovered", true);
    }

    public static class Base extends Automation {
        final Execute first = execute();
        final Execute second = execute().next("third");
    }

    public static class Derived extends Base {
        final Execute third = execute();
        final End end = end();
    }

    @Test
    void inheritedNodesComeFirst() {
        fixture.register(Derived.class);
        long id = fixture.start(Derived.class, Map.of());

        assertThat(fixture.tasks(id)).extracting(AutomationTaskModel::getStatus)
                .containsExactly("first", "second", "third", "end");
    }

    @Test
    void startWithoutAutorunLeavesTheFirstTaskDue() {
        fixture.register(Counting.class);
        long id = fixture.inTransaction(engine -> engine.start(Counting.class, Map.of("n", 0), null, false).getId());

        assertThat(fixture.tasks(id)).extracting(AutomationTaskModel::getStatus).containsExactly("start");
        List<Long> due = fixture.inTransaction(engine -> engine.dueInstanceIds(10));
        assertThat(due).containsExactly(id);
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(fixture.instance(id).isFinished()).isTrue();
    }

    @Test
    void startRejectsDataThatIsNotJson() {
        fixture.register(Counting.class);

        assertThatThrownBy(() -> fixture.start(Counting.class, Map.of("n", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not JSON-serialisable");
    }
}
