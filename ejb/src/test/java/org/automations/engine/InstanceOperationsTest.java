package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.engine.testmodel.Customer;
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

/** Starting, running, finding, killing instances and deleting history. */
class InstanceOperationsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final EngineFixture fixture = new EngineFixture("automations-test");

    private boolean kill(long id) {
        return fixture.inTransaction(engine -> engine.kill(id));
    }

    private HistoryDeletion deleteHistory(int days) {
        return fixture.inTransaction(engine -> engine.deleteHistory(days));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private long countInstances() {
        return fixture.inEntityManager(em -> em.createQuery("SELECT COUNT(a) FROM AutomationModel a", Long.class).getSingleResult());
    }

    private long countTasks() {
        return fixture.inEntityManager(em -> em.createQuery("SELECT COUNT(t) FROM AutomationTaskModel t", Long.class).getSingleResult());
    }

    public static class TwoSteps extends Automation {
        final Execute start = execute(task -> {
            task.data().put("greeting", "Hello " + task.data().get("name"));
        });
        final Execute later = execute().afterWaitingFor(Duration.ofDays(1));
        final End end = end();
    }

    @Test
    void startStoresTheParametersAndRunsUntilTheFirstWait() {
        fixture.register(TwoSteps.class);
        AutomationModel started = fixture.inTransaction(engine ->
                engine.start(TwoSteps.class, Map.of("name", "Ada", "tags", List.of("a", "b"), "n", 3), null, true));

        AutomationModel instance = fixture.instance(started.getId());
        assertThat(instance.getAutomationClass()).isEqualTo(TwoSteps.class.getName());
        assertThat(instance.getCreated()).isEqualTo(T0);
        assertThat(instance.getState()).isEqualTo(AutomationState.RUNNING);
        assertThat(Json.readMap(instance.getData())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "name", "Ada", "tags", List.of("a", "b"), "n", 3, "greeting", "Hello Ada"));
        assertThat(fixture.tasks(started.getId())).extracting(AutomationTaskModel::getStatus).containsExactly("start", "later");
        assertThat(instance.getDueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void startWithoutAutorunCreatesOnlyTheFirstTaskWhichIsDueNow() {
        fixture.register(TwoSteps.class);
        long id = fixture.inTransaction(engine -> engine.start(TwoSteps.class, Map.of("name", "Ada"), null, false).getId());

        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly("start");
        assertThat(tasks.get(0).isOpen()).isTrue();
        assertThat(Json.readMap(fixture.instance(id).getData())).doesNotContainKey("greeting");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0);

        String stoppedAt = fixture.inTransaction(engine -> engine.run(engine.find(id)));
        assertThat(stoppedAt).isEqualTo("later");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("greeting", "Hello Ada");
    }

    public static class Quick extends Automation {
        final Execute start = execute();
        final End end = end();
    }

    public static class Broken extends Automation {
        final Execute start = execute((TaskAction) task -> {
            throw new IllegalStateException("broken");
        });
        final End end = end();
    }

    @Test
    void runningAFinishedOrFailedInstanceIsAnError() {
        fixture.register(Quick.class).register(Broken.class);
        long finished = fixture.start(Quick.class, Map.of());
        long failed = fixture.start(Broken.class, Map.of());
        assertThat(fixture.instance(finished).isFinished()).isTrue();
        assertThat(fixture.instance(failed).getState()).isEqualTo(AutomationState.FAILED);

        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.run(engine.find(finished))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Automation instance " + finished + " is FINISHED and cannot run again");
        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.run(engine.find(failed))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is FAILED");
        assertThat(fixture.tasks(finished)).hasSize(2);
    }

    @Test
    void findByKeyFindsTheInstanceByItsKey() {
        fixture.register(TwoSteps.class);
        long a = fixture.start(TwoSteps.class, Map.of());
        long b = fixture.start(TwoSteps.class, Map.of());
        String keyOfB = fixture.instance(b).getKey();

        assertThat(keyOfB).isNotEqualTo(fixture.instance(a).getKey()).matches("[0-9a-f]{32}");
        AutomationModel found = fixture.inTransaction(engine -> engine.findByKey(keyOfB));
        assertThat(found.getId()).isEqualTo(b);
        AutomationModel none = fixture.inTransaction(engine -> engine.findByKey("0".repeat(32)));
        assertThat(none).isNull();
    }

    @Test
    void killRemovesTheInstanceAndItsTasks() {
        fixture.register(TwoSteps.class);
        long doomed = fixture.start(TwoSteps.class, Map.of());
        long kept = fixture.start(TwoSteps.class, Map.of());
        assertThat(countTasks()).isEqualTo(4);

        assertThat(kill(doomed)).isTrue();

        assertThat(fixture.instance(doomed)).isNull();
        assertThat(countInstances()).isEqualTo(1);
        assertThat(countTasks()).isEqualTo(2);
        assertThat(fixture.tasks(kept)).hasSize(2);
        assertThat(kill(doomed)).isFalse();
        fixture.clock.advance(Duration.ofDays(1));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(fixture.instance(kept).isFinished()).isTrue();
    }

    @Test
    void deleteHistoryDeletesOnlyInstancesFinishedLongerAgoAndCountsPerEntity() {
        fixture.register(Quick.class).register(TwoSteps.class).register(Broken.class);
        long oldFinished = fixture.start(Quick.class, Map.of());           // 2 tasks, finished at day 0
        long oldFinishedToo = fixture.start(TwoSteps.class, Map.of());     // 3 tasks, finished at day 1
        long oldFailed = fixture.start(Broken.class, Map.of());            // failed at day 0: not finished
        long running = fixture.inTransaction(engine -> engine.start(TwoSteps.class, Map.of(), null, false).getId());
        fixture.inTransaction(engine -> engine.kill(running));
        long stillRunning = fixture.start(TwoSteps.class, Map.of());
        fixture.clock.advance(Duration.ofDays(1));
        fixture.step();
        assertThat(fixture.instance(oldFinishedToo).isFinished()).isTrue();
        long alsoRunning = fixture.start(TwoSteps.class, Map.of());
        assertThat(fixture.instance(stillRunning).isFinished()).isTrue();

        fixture.clock.advance(Duration.ofDays(20));
        long recent = fixture.start(Quick.class, Map.of());                // finished at day 21

        fixture.clock.advance(Duration.ofDays(9).plusHours(12));          // day 30.5
        HistoryDeletion deleted = fixture.inTransaction(engine -> engine.deleteHistory(30));

        assertThat(deleted.automations()).isEqualTo(1);
        assertThat(deleted.tasks()).isEqualTo(2);
        assertThat(deleted.total()).isEqualTo(3);
        assertThat(fixture.instance(oldFinished)).isNull();
        assertThat(fixture.instance(oldFinishedToo)).isNotNull();

        fixture.clock.advance(Duration.ofDays(1));                        // day 31.5
        HistoryDeletion more = fixture.inTransaction(engine -> engine.deleteHistory(30));
        assertThat(more).isEqualTo(new HistoryDeletion(2, 6));
        assertThat(fixture.instance(oldFinishedToo)).isNull();
        assertThat(fixture.instance(stillRunning)).isNull();

        assertThat(fixture.instance(oldFailed)).isNotNull();
        assertThat(fixture.instance(alsoRunning).getState()).isEqualTo(AutomationState.RUNNING);
        assertThat(fixture.instance(recent)).isNotNull();
        assertThat(deleteHistory(30)).isEqualTo(new HistoryDeletion(0, 0));
        assertThat(deleteHistory(0)).isEqualTo(new HistoryDeletion(1, 2));
        assertThat(fixture.instance(recent)).isNull();
        assertThatThrownBy(() -> fixture.inTransaction(engine -> engine.deleteHistory(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    public static class Welcome extends Automation {
        final Execute greet = execute(this::greet);
        final End end = end();

        void greet(Task task) {
            Customer customer = model("customer", Customer.class);
            task.data().put("greeting", "Hello " + customer.getName() + " <" + customer.getEmail() + ">");
            task.data().put("nobody", model("nobody", Customer.class) == null);
        }
    }

    @Test
    void entitiesAmongTheParametersAreStoredByIdAndReadBack() {
        fixture.register(Welcome.class);
        Customer ada = fixture.inEntityManager(em -> {
            Customer customer = new Customer("Ada", "ada@example.org");
            em.persist(customer);
            return customer;
        });

        long id = fixture.inTransaction(engine -> engine.start(Welcome.class, Map.of("customer", ada), null, true).getId());

        Map<String, Object> data = Json.readMap(fixture.instance(id).getData());
        assertThat(((Number) data.get("customer")).longValue()).isEqualTo(ada.getId());
        assertThat(data).containsEntry("greeting", "Hello Ada <ada@example.org>").containsEntry("nobody", true);
        assertThat(fixture.instance(id).isFinished()).isTrue();
    }

    @Test
    void anEntityWithoutIdCannotBeAParameter() {
        fixture.register(Welcome.class);

        assertThatThrownBy(() -> fixture.inTransaction(engine ->
                engine.start(Welcome.class, Map.of("customer", new Customer("Bob", "bob@example.org")), null, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The entity given as 'customer' has no id yet; persist it before starting the automation");
        assertThat(countInstances()).isZero();
    }

    public static class Instant0 extends Automation {
        final End end = end();
    }

    @Test
    void deleteHistoryWorksInBoundedBatches() {
        fixture.register(Instant0.class);
        fixture.inTransaction(engine -> {
            for (int i = 0; i < 1201; i++) {
                engine.start(Instant0.class, Map.of(), null, true);
            }
            return null;
        });
        fixture.clock.advance(java.time.Duration.ofDays(31));

        List<Long> batches = new java.util.ArrayList<>();
        HistoryDeletion batch;
        do {
            batch = fixture.inTransaction(engine -> engine.deleteHistoryBatch(30, 500));
            batches.add(batch.automations());
        } while (batch.automations() > 0);

        assertThat(batches).containsExactly(500L, 500L, 201L, 0L);
    }
}
