package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Task;
import org.automations.flow.TaskValue;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures are recorded on the task that failed; they do not break the step of other instances. */
class ErrorsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    public static class Throws extends Automation {
        final Execute start = execute();
        final Execute lookup = execute(this::lookup);
        final End end = end();

        void lookup(Task task) throws Exception {
            task.data().put("tried", true);
            throw new java.util.concurrent.TimeoutException("CRM did not answer");
        }
    }

    @Test
    void anExecuteThatThrowsWithoutOnErrorFailsTheInstanceWithClassMessageAndTrace() {
        fixture.register(Throws.class);
        long id = fixture.start(Throws.class, Map.of());

        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getState()).isEqualTo(AutomationState.FAILED);
        assertThat(instance.isFinished()).isFalse();
        assertThat(instance.getDueAt()).isNull();
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("start", "lookup");
        AutomationTaskModel failed = tasks.get(1);
        assertThat(failed.getMessage()).isEqualTo("java.util.concurrent.TimeoutException: CRM did not answer");
        assertThat(failed.getFinished()).isEqualTo(T0);
        String trace = Json.readMap(failed.getResult()).get("error").toString();
        assertThat(trace).startsWith("java.util.concurrent.TimeoutException: CRM did not answer")
                .contains("at " + Throws.class.getName() + ".lookup(");

        fixture.clock.advance(Duration.ofDays(1));
        assertThat(fixture.step()).isZero();
        assertThat(fixture.tasks(id)).hasSize(2);
    }

    public static class BadWait extends Automation {
        @SuppressWarnings("rawtypes")
        static final TaskValue NOT_A_TIME = task -> "tomorrow morning";

        final Execute start = execute();
        @SuppressWarnings("unchecked")
        final Execute remind = execute().afterWaitingUntil((TaskValue<Instant>) NOT_A_TIME);
        final End end = end();
    }

    public static class BadDuration extends Automation {
        @SuppressWarnings("rawtypes")
        static final TaskValue NOT_A_DURATION = task -> "two hours";

        final Execute start = execute();
        @SuppressWarnings("unchecked")
        final Execute remind = execute().afterWaitingFor((TaskValue<Duration>) NOT_A_DURATION);
        final End end = end();
    }

    public static class Fine extends Automation {
        final Execute start = execute(task -> {
            task.data().put("ran", true);
        });
        final End end = end();
    }

    @Test
    void aWaitFunctionReturningNoTimeIsAnErrorOfThatTaskNotOfTheStep() {
        fixture.register(BadWait.class).register(BadDuration.class).register(Fine.class);
        long badWait = fixture.inTransaction(engine -> engine.start(BadWait.class, Map.of(), null, false).getId());
        long badDuration = fixture.inTransaction(engine -> engine.start(BadDuration.class, Map.of(), null, false).getId());
        long fine = fixture.inTransaction(engine -> engine.start(Fine.class, Map.of(), null, false).getId());

        assertThat(fixture.step()).isEqualTo(3);

        assertThat(fixture.instance(fine).isFinished()).isTrue();
        assertThat(Json.readMap(fixture.instance(fine).getData())).containsEntry("ran", true);

        assertThat(fixture.instance(badWait).getState()).isEqualTo(AutomationState.FAILED);
        AutomationTaskModel remind = fixture.tasks(badWait).get(1);
        assertThat(remind.getStatus()).isEqualTo("remind");
        assertThat(remind.getMessage()).isEqualTo(
                "java.lang.IllegalStateException: afterWaitingUntil returned tomorrow morning; return a java.time.Instant");
        assertThat(Json.readMap(remind.getResult()).get("error").toString()).contains("IllegalStateException");

        assertThat(fixture.instance(badDuration).getState()).isEqualTo(AutomationState.FAILED);
        assertThat(fixture.tasks(badDuration).get(1).getMessage()).isEqualTo(
                "java.lang.IllegalStateException: afterWaitingFor returned two hours; return a java.time.Duration");
    }

    public static class Reminding extends Automation {
        final Execute start = execute();
        final Execute remind = execute().afterWaitingFor(Duration.ofHours(1));
        final End end = end();
    }

    @Test
    void anInstanceOnANodeThatNoLongerExistsIsLeftWaitingAndTheStepGoesOn() {
        fixture.register(Reminding.class);
        long orphan = fixture.start(Reminding.class, Map.of());
        long other = fixture.start(Reminding.class, Map.of());
        assertThat(orphan).isLessThan(other);
        // as after a redeploy that removed the node 'remind'
        int updated = fixture.inEntityManager(em -> em.createQuery(
                        "UPDATE AutomationTaskModel t SET t.status = 'vanished' WHERE t.automation.id = :id AND t.finished IS NULL")
                .setParameter("id", orphan)
                .executeUpdate());
        assertThat(updated).isEqualTo(1);

        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.step()).isEqualTo(2);

        assertThat(fixture.instance(other).isFinished()).isTrue();
        AutomationModel waiting = fixture.instance(orphan);
        assertThat(waiting.getState()).isEqualTo(AutomationState.RUNNING);
        List<AutomationTaskModel> tasks = fixture.tasks(orphan);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("start", "vanished");
        assertThat(tasks.get(1).isOpen()).isTrue();
        assertThat(tasks.get(1).getMessage()).isNull();
        // looked at again only hourly (so it moves on by itself once the node is back)
        assertThat(waiting.getDueAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(1)));
        fixture.clock.advance(Duration.ofMinutes(59));
        assertThat(fixture.step()).isZero();
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(fixture.tasks(orphan)).extracting(AutomationTaskModel::getStatus).containsExactly("start", "vanished");
    }
}
