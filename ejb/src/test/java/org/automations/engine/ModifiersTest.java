package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Task;
import org.automations.flow.TaskAction;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** next, asSoonAs, afterWaitingUntil, afterWaitingFor, skipIf, skipAfter, onError, description. */
class ModifiersTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> statuses(long id) {
        return fixture.tasks(id).stream().map(AutomationTaskModel::getStatus).toList();
    }

    private List<String> messages(long id) {
        return fixture.tasks(id).stream().map(AutomationTaskModel::getMessage).toList();
    }

    private Map<String, Object> data(long id) {
        return Json.readMap(fixture.instance(id).getData());
    }

    static void mark(Task task) {
        task.data().put(task.status(), task.now().toString());
    }

    public static class Gated extends Automation {
        final Execute start = execute();
        final Execute gated = execute(ModifiersTest::mark)
                .asSoonAs(true)
                .asSoonAs(this::oneHourPassed)
                .asSoonAs(task -> !task.now().isBefore(T0.plus(Duration.ofHours(2))));
        final End end = end();

        boolean oneHourPassed(Task task) {
            task.data().merge("checks", 1, (a, b) -> (Integer) a + (Integer) b);
            return !task.now().isBefore(T0.plus(Duration.ofHours(1)));
        }
    }

    @Test
    void asSoonAsWaitsUntilAllConditionsHoldAndIsRecheckedOnEveryRun() {
        fixture.register(Gated.class);
        long id = fixture.start(Gated.class, Map.of());

        assertThat(statuses(id)).containsExactly("start", "gated");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0);
        assertThat(data(id)).containsEntry("checks", 1);

        fixture.clock.advance(Duration.ofMinutes(30));
        assertThat(fixture.step()).isEqualTo(1);
        fixture.clock.advance(Duration.ofMinutes(30));
        assertThat(fixture.step()).isEqualTo(1);
        // the first two hold now, the third not yet: still waiting and still due at every tick
        AutomationModel waiting = fixture.instance(id);
        assertThat(waiting.getState()).isEqualTo(AutomationState.RUNNING);
        assertThat(waiting.getDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(data(id)).containsEntry("checks", 3).doesNotContainKey("gated");
        assertThat(fixture.tasks(id).get(1).isOpen()).isTrue();

        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(data(id)).containsEntry("checks", 4).containsEntry("gated", "2026-03-02T11:00:00Z");
        assertThat(statuses(id)).containsExactly("start", "gated", "end");
    }

    public static class Waits extends Automation {
        final Execute start = execute();
        final Execute fixedTime = execute(ModifiersTest::mark).afterWaitingUntil(T0.plus(Duration.ofHours(1)));
        final Execute computedTime = execute(ModifiersTest::mark)
                .afterWaitingUntil(task -> Instant.parse((String) task.data().get("deadline")));
        final Execute relative = execute(ModifiersTest::mark).afterWaitingFor(Duration.ofMinutes(30));
        final Execute computedDuration = execute(ModifiersTest::mark)
                .afterWaitingFor(task -> Duration.ofMinutes(((Number) task.data().get("minutes")).longValue()));
        final Execute both = execute(ModifiersTest::mark)
                .afterWaitingFor(Duration.ofHours(3))
                .afterWaitingUntil(task -> task.created().plus(Duration.ofHours(1)));
        final End end = end();
    }

    @Test
    void waitsAreNeverExecutedEarlyAndDurationsCountFromTheTasksCreation() {
        fixture.register(Waits.class);
        long id = fixture.start(Waits.class, Map.of("deadline", "2026-03-02T12:00:00Z", "minutes", 45));
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

        // the scheduler ticks every minute until the end: a node never runs before its time
        while (!fixture.instance(id).isFinished()) {
            fixture.clock.advance(Duration.ofMinutes(1));
            fixture.step();
            assertThat(fixture.clock.instant()).isBefore(T0.plus(Duration.ofDays(1)));
        }

        assertThat(data(id))
                .containsEntry("fixedTime", "2026-03-02T10:00:00Z")
                .containsEntry("computedTime", "2026-03-02T12:00:00Z")
                .containsEntry("relative", "2026-03-02T12:30:00Z")
                .containsEntry("computedDuration", "2026-03-02T13:15:00Z")
                .containsEntry("both", "2026-03-02T16:15:00Z");
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks.get(3).getCreated()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(tasks.get(5).getCreated()).isEqualTo(Instant.parse("2026-03-02T13:15:00Z"));
        assertThat(tasks.get(5).getFinished()).isEqualTo(Instant.parse("2026-03-02T16:15:00Z"));
    }

    public static class Skipping extends Automation {
        final Execute maybe = execute(ModifiersTest::mark)
                .skipIf(false)
                .skipIf(task -> Boolean.TRUE.equals(task.data().get("skipMaybe")));
        final Execute always = execute(ModifiersTest::mark)
                .afterWaitingFor(Duration.ofDays(7))
                .asSoonAs(false)
                .skipIf(task -> Boolean.TRUE.equals(task.data().get("skipAlways")))
                .skipIf(true)
                .next("end");
        final Execute never = execute(ModifiersTest::mark);
        final End end = end();
    }

    @Test
    void skipIfLeavesTheNodeUnprocessedBeforeAnyWaitOrCondition() {
        fixture.register(Skipping.class);
        long skippedBoth = fixture.start(Skipping.class, Map.of("skipMaybe", true));
        long skippedOne = fixture.start(Skipping.class, Map.of("skipMaybe", false));

        assertThat(statuses(skippedBoth)).containsExactly("maybe", "always", "end");
        assertThat(messages(skippedBoth)).containsExactly("skipped", "skipped", "OK");
        assertThat(fixture.tasks(skippedBoth)).allSatisfy(task -> assertThat(task.getResult()).isNull());
        assertThat(data(skippedBoth)).doesNotContainKeys("maybe", "always", "never");
        assertThat(fixture.instance(skippedBoth).isFinished()).isTrue();

        assertThat(messages(skippedOne)).containsExactly("OK", "skipped", "OK");
        assertThat(data(skippedOne)).containsKey("maybe").doesNotContainKeys("always", "never");
    }

    public static class SkipsLater extends Automation {
        final Execute start = execute();
        final Execute slow = execute(ModifiersTest::mark)
                .afterWaitingFor(Duration.ofDays(1))
                .skipAfter(Duration.ofHours(2));
        final Form approval = form(Object.class).user("alice").skipAfter(Duration.ofDays(3));
        final Execute gated = execute(ModifiersTest::mark).asSoonAs(false).skipAfter(Duration.ofMinutes(10));
        final End end = end();
    }

    @Test
    void skipAfterSkipsOnceTheDurationSinceTheTasksCreationHasPassed() {
        fixture.register(SkipsLater.class);
        long id = fixture.start(SkipsLater.class, Map.of());
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));

        fixture.clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(fixture.step()).isZero();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(statuses(id)).containsExactly("start", "slow", "approval");
        // the form waits for alice, but only until three days after it was created
        Instant formCreated = T0.plus(Duration.ofHours(2));
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(formCreated.plus(Duration.ofDays(3)));
        List<AutomationTaskModel> forAlice = fixture.inTransaction(engine -> engine.openFormTasks(TestCaller.user("alice")));
        assertThat(forAlice).extracting(AutomationTaskModel::getStatus).containsExactly("approval");

        fixture.clock.advance(Duration.ofDays(3));
        assertThat(fixture.step()).isEqualTo(1);
        List<AutomationTaskModel> none = fixture.inTransaction(engine -> engine.openFormTasks(TestCaller.user("alice")));
        assertThat(none).isEmpty();
        assertThat(statuses(id)).containsExactly("start", "slow", "approval", "gated");
        // a condition that never holds: due at every tick, skipped after ten minutes
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(fixture.clock.instant());

        fixture.clock.advance(Duration.ofMinutes(9));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(fixture.instance(id).isFinished()).isFalse();
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.step()).isEqualTo(1);

        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(messages(id)).containsExactly("OK", "skipped", "skipped", "skipped", "OK");
        assertThat(data(id)).doesNotContainKeys("slow", "gated");
    }

    public static class Described extends Automation {
        final Execute send = execute((TaskAction) task -> {
            throw new java.io.IOException("mail server down");
        }).onError("fallback").description("Sends the welcome mail");
        final Execute normal = execute().next("end");
        final Execute fallback = execute(ModifiersTest::mark).description("Logs the failure");
        final End end = end().description("Done");
    }

    @Test
    void onErrorContinuesAtItsNodeAndDescriptionsAreKept() {
        fixture.register(Described.class);
        long id = fixture.start(Described.class, Map.of());

        assertThat(statuses(id)).containsExactly("send", "fallback", "end");
        AutomationTaskModel failed = fixture.tasks(id).get(0);
        assertThat(failed.getMessage()).isEqualTo("java.io.IOException: mail server down");
        assertThat(Json.readMap(failed.getResult()).get("error").toString()).startsWith("java.io.IOException: mail server down");
        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);

        AutomationDefinition definition = DefinitionReader.read(Described.class);
        assertThat(definition.nodes()).extracting(AutomationDefinition.NodeDefinition::description)
                .containsExactly("Sends the welcome mail", "", "Logs the failure", "Done");
        assertThat(new Described().send.getDescription()).isEqualTo("Sends the welcome mail");
    }
}
