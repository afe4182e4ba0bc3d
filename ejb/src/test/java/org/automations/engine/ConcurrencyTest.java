package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several transactions at once on one instance: the row lock serialises them and nothing is lost. */
class ConcurrencyTest {

    private final EngineFixture fixture = new EngineFixture();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void close() {
        threads.shutdownNow();
        fixture.close();
    }

    public static class Decision {
        public String choice;
    }

    public static class Decide extends Automation {
        final Form decide = form(Decision.class).group("deciders");
        final Execute after = execute(task -> {
            task.data().merge("continued", 1, (a, b) -> (Integer) a + (Integer) b);
        });
        final End end = end();

        public Object receiveCount(String token, Map<String, Object> data) {
            data().merge("count", 1, (a, b) -> (Integer) a + (Integer) b);
            return "counted";
        }
    }

    /** Runs the jobs at the same moment, each in its own thread and transaction. */
    private <T> List<Future<T>> atOnce(List<Callable<T>> jobs) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(jobs.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (Callable<T> job : jobs) {
            results.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return job.call();
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        return results;
    }

    @Test
    void twoPeopleSubmittingTheSameFormAtOnceOneWinsTheOtherIsTold() throws Exception {
        fixture.register(Decide.class);
        long id = fixture.start(Decide.class, Map.of());
        long taskId = fixture.tasks(id).get(0).getId();
        List<Callable<String>> submissions = new ArrayList<>();
        for (String person : List.of("alice", "carol")) {
            Decision decision = new Decision();
            decision.choice = person;
            TestCaller caller = new TestCaller(person, Set.of("deciders"), Set.of(), false);
            submissions.add(() -> {
                try {
                    fixture.inTransaction(engine -> engine.completeForm(taskId, decision, caller));
                    return "won";
                } catch (TaskAlreadyCompletedException e) {
                    return e.getMessage();
                }
            });
        }

        List<String> outcomes = new ArrayList<>();
        for (Future<String> outcome : atOnce(submissions)) {
            outcomes.add(outcome.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).containsOnlyOnce("won");
        assertThat(outcomes).anySatisfy(message -> assertThat(message).startsWith("This task was already completed by"));
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("decide", "after", "end");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("continued", 1);
        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
    }

    @Test
    void manyMessagesToOneInstanceAtOnceAreAllDelivered() throws Exception {
        fixture.register(Decide.class);
        long id = fixture.start(Decide.class, Map.of());
        List<Callable<Object>> messages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            messages.add(() -> fixture.inTransaction(engine -> engine.sendMessage(id, "count", null, Map.of())));
        }

        for (Future<Object> answer : atOnce(messages)) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("counted");
        }

        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("count", 8);
    }
}
