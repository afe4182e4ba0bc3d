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
import org.automations.flow.Join;
import org.automations.flow.Split;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationState;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** split() spawns one path per next; join() waits for every path of the same split. */
class SplitJoinTest {

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> statuses(long id) {
        return fixture.tasks(id).stream().map(AutomationTaskModel::getStatus).toList();
    }

    private List<String> openStatuses(long id) {
        return fixture.tasks(id).stream().filter(AutomationTaskModel::isOpen).map(AutomationTaskModel::getStatus).toList();
    }

    public static class ThreePaths extends Automation {
        final Execute start = execute();
        final Split parallel = split().next("fast").next("hourly").next("daily");
        final Execute fast = execute(task -> {
            task.data().put("fast", task.now().toString());
        }).next("join");
        final Execute hourly = execute(task -> {
            task.data().put("hourly", task.now().toString());
        }).afterWaitingFor(Duration.ofHours(1)).next("join");
        final Execute daily = execute(task -> {
            task.data().put("daily", task.now().toString());
        }).afterWaitingFor(Duration.ofDays(1));
        final Join join = join();
        final Execute after = execute(task -> {
            task.data().put("after", task.now().toString());
        });
        final End end = end();
    }

    @Test
    void theJoinWaitsUntilEveryPathOfTheSplitHasArrived() {
        fixture.register(ThreePaths.class);
        Instant t0 = fixture.clock.instant();
        long id = fixture.start(ThreePaths.class, Map.of());

        assertThat(statuses(id)).containsExactly("start", "parallel", "fast", "hourly", "daily", "join");
        assertThat(openStatuses(id)).containsExactly("hourly", "daily", "join");
        AutomationTaskModel split = fixture.tasks(id).get(1);
        assertThat(split.getResult()).isEqualTo("{\"paths\":3}");
        assertThat(fixture.tasks(id).subList(2, 5)).allSatisfy(path -> {
            assertThat(path.getSplitTaskId()).isEqualTo(split.getId());
            assertThat(path.getPreviousId()).isEqualTo(split.getId());
        });
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(t0.plus(Duration.ofHours(1)));

        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.step()).isEqualTo(1);
        assertThat(openStatuses(id)).containsExactly("daily", "join", "join");
        assertThat(fixture.instance(id).getDueAt()).isEqualTo(t0.plus(Duration.ofDays(1)));
        assertThat(Json.readMap(fixture.instance(id).getData())).doesNotContainKey("after");

        fixture.clock.advance(Duration.ofHours(23));
        assertThat(fixture.step()).isEqualTo(1);

        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(statuses(id)).containsExactly("start", "parallel", "fast", "hourly", "daily", "join", "join", "join",
                "after", "end");
        assertThat(fixture.tasks(id)).allSatisfy(task -> assertThat(task.getMessage()).isEqualTo("OK"));
        assertThat(fixture.tasks(id).get(8).getSplitTaskId()).isNull();
        assertThat(Json.readMap(instance.getData()))
                .containsEntry("fast", "2026-03-02T09:00:00Z")
                .containsEntry("hourly", "2026-03-02T10:00:00Z")
                .containsEntry("daily", "2026-03-03T09:00:00Z")
                .containsEntry("after", "2026-03-03T09:00:00Z");
    }

    /** A nested split inside a path: its paths join, then the path goes on to the outer join. */
    public static class Nested extends Automation {
        final Split outer = split().next("a").next("b");
        final Execute a = execute().afterWaitingFor(Duration.ofHours(2)).next("outerJoin");
        final Execute b = execute();
        final Split inner = split().next("b1").next("b2");
        final Execute b1 = execute().next("innerJoin");
        final Execute b2 = execute().afterWaitingFor(Duration.ofHours(1));
        final Join innerJoin = join();
        final Execute afterInner = execute().next("outerJoin");
        final Join outerJoin = join();
        final End end = end();
    }

    @Test
    void aNestedSplitJoinsItsOwnPathsBeforeTheOuterJoin() {
        fixture.register(Nested.class);
        long id = fixture.start(Nested.class, Map.of());

        assertThat(openStatuses(id)).containsExactly("a", "b2", "innerJoin");

        fixture.clock.advance(Duration.ofHours(1));
        fixture.step();
        // the inner paths met; the outer join holds the nested path until path a arrives
        assertThat(openStatuses(id)).containsExactly("a", "outerJoin");
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        long outerSplit = tasks.get(0).getId();
        AutomationTaskModel afterInner = tasks.stream().filter(t -> t.getStatus().equals("afterInner")).findFirst().orElseThrow();
        assertThat(afterInner.getSplitTaskId()).isEqualTo(outerSplit);

        fixture.clock.advance(Duration.ofHours(1));
        fixture.step();

        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(statuses(id)).containsExactly("outer", "a", "b", "inner", "b1", "b2", "innerJoin", "innerJoin",
                "afterInner", "outerJoin", "outerJoin", "end");
        assertThat(openStatuses(id)).isEmpty();
    }

    /** Two sequential splits use the same join: each waits only for its own paths. */
    public static class SameJoinTwice extends Automation {
        final Split first = split().next("x").next("y");
        final Execute x = execute().next("meet");
        final Execute y = execute().afterWaitingFor(Duration.ofHours(1)).next("meet");
        final Join meet = join();
        final Execute between = execute(task -> {
            task.data().merge("rounds", 1, (p, q) -> (Integer) p + (Integer) q);
        });
        final Execute decide = execute().next("second");
        final Split second = split().next("z").next("w");
        final Execute z = execute().next("again");
        final Execute w = execute().afterWaitingFor(Duration.ofHours(1)).next("again");
        final Join again = join();
        final End end = end();
    }

    @Test
    void joinsCountOnlyThePathsOfTheirOwnSplit() {
        fixture.register(SameJoinTwice.class);
        long id = fixture.start(SameJoinTwice.class, Map.of());
        assertThat(openStatuses(id)).containsExactly("y", "meet");

        fixture.clock.advance(Duration.ofHours(1));
        fixture.step();
        assertThat(openStatuses(id)).containsExactly("w", "again");

        fixture.clock.advance(Duration.ofHours(1));
        fixture.step();
        assertThat(fixture.instance(id).isFinished()).isTrue();
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("rounds", 1);
    }

    public static class EndsEarly extends Automation {
        final Split parallel = split().next("quick").next("slow").next("person");
        final Execute quick = execute().afterWaitingFor(Duration.ofHours(1)).next("end");
        final Execute slow = execute().afterWaitingFor(Duration.ofDays(1)).next("join");
        final Form person = form(Object.class).group("staff");
        final Join join = join();
        final End end = end();
    }

    @Test
    void anEndWhileOtherPathsAreOpenClosesThemAsEnded() {
        fixture.register(EndsEarly.class);
        long id = fixture.start(EndsEarly.class, Map.of());
        assertThat(openStatuses(id)).containsExactly("quick", "slow", "person");

        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.step()).isEqualTo(1);

        AutomationModel instance = fixture.instance(id);
        assertThat(instance.getState()).isEqualTo(AutomationState.FINISHED);
        assertThat(instance.getDueAt()).isNull();
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus)
                .containsExactly("parallel", "quick", "slow", "person", "end");
        assertThat(tasks).extracting(AutomationTaskModel::getMessage)
                .containsExactly("OK", "OK", "ended", "ended", "OK");
        assertThat(tasks.subList(1, 5)).allSatisfy(task -> assertThat(task.getFinished()).isEqualTo(fixture.clock.instant()));
        List<AutomationTaskModel> forms = fixture.inTransaction(engine -> engine.openFormTasks(TestCaller.admin("root")));
        assertThat(forms).isEmpty();
        fixture.clock.advance(Duration.ofDays(2));
        assertThat(fixture.step()).isZero();
    }
}
