package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Task;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry policies, the administrator's retry, and threaded work handed to an executor. */
class RetryAndThreadedTest {

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Fails until the data says how many attempts it takes. */
    public static class Flaky extends Automation {
        final Execute charge = execute(this::charge).retry(3, Duration.ofMinutes(1));
        final End end = end();

        void charge(Task task) {
            int attempts = ((Number) task.data().merge("attempts", 1, (a, b) -> ((Number) a).intValue() + 1)).intValue();
            if (attempts < ((Number) task.data().get("succeedAt")).intValue()) {
                throw new IllegalStateException("payment service unavailable (attempt " + attempts + ")");
            }
        }
    }

    @Test
    void aRetryPolicyTriesAgainAfterAGrowingBackoffAndKeepsEachAttempt() {
        fixture.register(Flaky.class);
        Instant started = fixture.clock.instant();
        long id = fixture.start(Flaky.class, Map.of("succeedAt", 3));

        assertThat(fixture.instance(id).getDueAt()).isEqualTo(started.plus(Duration.ofMinutes(1)));
        fixture.clock.advance(Duration.ofSeconds(59));
        assertThat(fixture.step()).isZero();
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.step();
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(started.plus(Duration.ofMinutes(3)));
        fixture.clock.advance(Duration.ofMinutes(2));
        fixture.step();

        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("charge", "charge", "charge", "end");
        assertThat(tasks).extracting(AutomationTaskModel::getAttempt).containsExactly(1, 2, 3, 1);
        assertThat(tasks.get(0).getMessage()).isEqualTo("java.lang.IllegalStateException: payment service unavailable (attempt 1)");
        assertThat(tasks.get(1).getMessage()).contains("attempt 2");
        assertThat(tasks.get(2).getMessage()).isEqualTo("OK");
    }

    @Test
    void afterTheLastAttemptTheNodeFailsAndAnAdministratorCanRetryIt() {
        fixture.register(Flaky.class);
        long id = fixture.start(Flaky.class, Map.of("succeedAt", 5));
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.step();
        fixture.clock.advance(Duration.ofMinutes(2));
        fixture.step();

        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FAILED);
        assertThat(fixture.tasks(id)).hasSize(3);

        fixture.inTransaction(engine -> engine.retry(id));   // attempt 4 by hand fails again (1 of a new round)
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.step();                                      // attempt 5 succeeds

        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(fixture.tasks(id)).extracting(AutomationTaskModel::getStatus)
                .containsExactly("charge", "charge", "charge", "charge", "charge", "end");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("attempts", 5);
    }

    public static class Background extends Automation {
        final Execute start = execute();
        final Execute crunch = execute(this::crunch).threaded();
        final End end = end();

        void crunch(Task task) {
            task.data().put("crunched", task.now().toString());
        }
    }

    /** Collects what the engine hands over, as the container's executor would receive it. */
    private static final class RecordingDispatcher implements AsyncDispatcher {
        final List<Long> handedOver = new ArrayList<>();

        @Override
        public void dispatchAfterCommit(long taskId) {
            handedOver.add(taskId);
        }

        @Override
        public Duration timeout() {
            return Duration.ofMinutes(5);
        }
    }

    private <T> T withDispatcher(RecordingDispatcher dispatcher, java.util.function.Function<AutomationEngine, T> work) {
        return fixture.inEntityManager(em -> work.apply(engine(em, dispatcher)));
    }

    private AutomationEngine engine(EntityManager em, AsyncDispatcher dispatcher) {
        return new AutomationEngine(em, fixture.clock, fixture.registry, AutomationFactory.reflective(),
                () -> em.getTransaction().getRollbackOnly(), dispatcher);
    }

    @Test
    void threadedWorkRunsAfterTheStepInItsOwnTransactionAndTheInstanceContinues() {
        fixture.register(Background.class);
        RecordingDispatcher dispatcher = new RecordingDispatcher();
        long id = withDispatcher(dispatcher, engine -> engine.start(Background.class, Map.of(), null, true).getId());

        assertThat(dispatcher.handedOver).hasSize(1);
        assertThat(fixture.tasks(id)).extracting(AutomationTaskModel::getStatus).containsExactly("start", "crunch");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(5)));

        fixture.clock.advance(Duration.ofSeconds(3));
        long taskId = dispatcher.handedOver.get(0);
        boolean ran = withDispatcher(dispatcher, engine -> engine.runThreaded(taskId));

        assertThat(ran).isTrue();
        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(Json.readMap(fixture.instance(id).getData())).containsKey("crunched");
        boolean again = withDispatcher(dispatcher, engine -> engine.runThreaded(taskId));
        assertThat(again).isFalse();
    }

    @Test
    void threadedWorkThatWasLostIsHandedOverAgainAfterItsTimeout() {
        fixture.register(Background.class);
        RecordingDispatcher dispatcher = new RecordingDispatcher();
        long id = withDispatcher(dispatcher, engine -> engine.start(Background.class, Map.of(), null, true).getId());

        fixture.clock.advance(Duration.ofMinutes(4));
        withDispatcher(dispatcher, engine -> engine.runIfDue(id));
        assertThat(dispatcher.handedOver).hasSize(1);
        fixture.clock.advance(Duration.ofMinutes(1));
        withDispatcher(dispatcher, engine -> engine.runIfDue(id));

        assertThat(dispatcher.handedOver).hasSize(2).containsOnly(dispatcher.handedOver.get(0));
        withDispatcher(dispatcher, engine -> engine.runThreaded(dispatcher.handedOver.get(1)));
        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
    }
}
