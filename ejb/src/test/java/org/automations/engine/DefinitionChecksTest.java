package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Repeat;
import org.automations.flow.Split;
import org.junit.jupiter.api.Test;

/** DefinitionReader.read refuses invalid automations, naming the class, the node and the fix. */
class DefinitionChecksTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Class<? extends Automation> type) {
        return assertThatThrownBy(() -> DefinitionReader.read(type))
                .isInstanceOf(AutomationDefinitionException.class)
                .hasMessageStartingWith("Automation " + type.getName() + ", node '");
    }

    private static String prefix(Class<?> type, String node) {
        return "Automation " + type.getName() + ", node '" + node + "': ";
    }

    public static class UnknownEverywhere extends Automation {
        final Execute start = execute().next("nowhere").onError("noFallback");
        final If branch = when(true).then("noThen").otherwise("noOtherwise");
        final Split parallel = split().next("a").next("noPath");
        final Execute a = execute().next("join");
        final Join join = join();
        final Repeat loop = repeat("noStart").everyDay();
    }

    @Test
    void everyReferenceMustNameANodeOfTheAutomation() {
        Class<?> type = UnknownEverywhere.class;
        String nodes = "[start, branch, parallel, a, join, loop]";
        refused(UnknownEverywhere.class)
                .hasMessageContaining(prefix(type, "start") + "next(\"nowhere\") names no node of this automation; use one of " + nodes)
                .hasMessageContaining(prefix(type, "start") + "onError(\"noFallback\") names no node")
                .hasMessageContaining(prefix(type, "branch") + "then(\"noThen\") names no node")
                .hasMessageContaining(prefix(type, "branch") + "otherwise(\"noOtherwise\") names no node")
                .hasMessageContaining(prefix(type, "parallel") + "next(\"noPath\") names no node")
                .hasMessageContaining(prefix(type, "loop") + "repeat(\"noStart\") names no node")
                .hasMessageNotContaining("next(\"a\")");
    }

    public static class Twice extends Automation {
        final Execute start = execute().next("end").next("end");
        final Execute failing = execute().onError("end").onError("end");
        final Execute skipping = execute().skipAfter(Duration.ofHours(1)).skipAfter(Duration.ofHours(2));
        final Execute waiting = execute().afterWaitingUntil(task -> task.now()).afterWaitingUntil(task -> task.now());
        final If branch = when(true).then("end").then(task -> { }).otherwise("end").otherwise("end");
        final Form approve = form(Object.class).user("a").user("b").group("x").group("y");
        final Repeat loop = repeat().everyHour().everyDay().at(1, 0).at(2, 0);
        final End end = end().next("start");
    }

    @Test
    void aOneTimeModifierGivenTwiceIsADefinitionError() {
        Class<?> type = Twice.class;
        refused(Twice.class)
                .hasMessageContaining(prefix(type, "start") + "next(...) is given twice; give it once")
                .hasMessageContaining(prefix(type, "failing") + "onError(...) is given twice")
                .hasMessageContaining(prefix(type, "skipping") + "skipAfter(...) is given twice")
                .hasMessageContaining(prefix(type, "waiting") + "afterWaitingUntil(...) is given twice")
                .hasMessageContaining(prefix(type, "branch") + "then(...) is given twice")
                .hasMessageContaining(prefix(type, "branch") + "otherwise(...) is given twice")
                .hasMessageContaining(prefix(type, "approve") + "user(...) is given twice")
                .hasMessageContaining(prefix(type, "approve") + "group(...) is given twice")
                .hasMessageContaining(prefix(type, "loop") + "the repeat interval")
                .hasMessageContaining(prefix(type, "loop") + "at(...) is given twice")
                .hasMessageContaining(prefix(type, "end") + "an end node has no next(...); remove it");
    }

    public static class ManyOfTheSame extends Automation {
        final Execute start = execute()
                .asSoonAs(true).asSoonAs(task -> true)
                .skipIf(false).skipIf(task -> false)
                .description("a").description("b");
        final Form approve = form(Object.class).permission("a").permission("b").context(java.util.Map.of("x", 1));
        final Split parallel = split().next("p1").next("p2");
        final Execute p1 = execute().next("join");
        final Execute p2 = execute();
        final Join join = join();
        final End end = end();
    }

    @Test
    void modifiersThatMayRepeatAreAccepted() {
        assertThatCode(() -> DefinitionReader.read(ManyOfTheSame.class)).doesNotThrowAnyException();
        assertThat(DefinitionReader.read(ManyOfTheSame.class).node("start").description()).isEqualTo("b");
    }

    public static class BranchWithoutThen extends Automation {
        final If branch = when(true).otherwise("end");
        final Execute middle = execute();
        final End end = end();
    }

    @Test
    void aBranchNeedsThen() {
        refused(BranchWithoutThen.class).hasMessage(prefix(BranchWithoutThen.class, "branch")
                + "a branch needs then(...); add .then(\"node\") or .then(task -> ...)");
    }

    public static class LonelyJoin extends Automation {
        final Execute start = execute();
        final Join join = join();
        final End end = end();
    }

    public static class JoinOffThePaths extends Automation {
        final Split parallel = split().next("a").next("b");
        final Execute a = execute().next("end");
        final Execute b = execute().next("end");
        final Join join = join();
        final End end = end();
    }

    @Test
    void aJoinThatNoSplitReachesIsRefused() {
        refused(LonelyJoin.class).hasMessage(prefix(LonelyJoin.class, "join") + "no split reaches this join; let the paths of a"
                + " split(...).next(...) arrive here, or replace the join with execute()");
        refused(JoinOffThePaths.class).hasMessageContaining(prefix(JoinOffThePaths.class, "join") + "no split reaches this join");
    }

    public static class EmptySplit extends Automation {
        final Split parallel = split();
        final End end = end();
    }

    @Test
    void aSplitNeedsPaths() {
        refused(EmptySplit.class).hasMessage(prefix(EmptySplit.class, "parallel")
                + "a split needs at least one path; add .next(\"node\") per path");
    }

    public static class Collisions extends Automation {
        final Execute data = execute();
        final Execute save = execute();
        final Execute kill = execute();
        final Execute _hidden = execute();
        final End end = end();
    }

    @Test
    void nodeNamesMayNotCollideWithTheEnginesNames() {
        Class<?> type = Collisions.class;
        refused(Collisions.class)
                .hasMessageContaining(prefix(type, "data") + "the name collides with the engine's own name 'data'; rename the node")
                .hasMessageContaining(prefix(type, "save") + "the name collides with the engine's own name 'save'")
                .hasMessageContaining(prefix(type, "kill") + "the name collides with the engine's own name 'kill'")
                .hasMessageContaining(prefix(type, "_hidden") + "names beginning with '_' are reserved; rename the node")
                .hasMessageNotContaining("node 'end'");
    }

    public static class AtEveryTwoHours extends Automation {
        final Execute work = execute();
        final Repeat loop = repeat().at(6, 0).everyHour(2);
    }

    public static class AtEveryTwoDays extends Automation {
        final Execute work = execute();
        final Repeat loop = repeat().at(6, 0).everyNDays(2);
    }

    @Test
    void atNeedsAnIntervalOfAtLeastADay() {
        refused(AtEveryTwoHours.class).hasMessage(prefix(AtEveryTwoHours.class, "loop")
                + "at(...) sets a time of day and needs an interval of at least a day;"
                + " use everyDay() or everyNDays(n) with it, or drop at(...)");
        assertThatCode(() -> DefinitionReader.read(AtEveryTwoDays.class)).doesNotThrowAnyException();
    }

    public static class FallsOff extends Automation {
        final If branch = when(true).then("last");
        final Execute last = execute();
    }

    public static class BranchesOnly extends Automation {
        final Execute start = execute();
        final If branch = when(true).then("start").otherwise("branch");
    }

    @Test
    void aPathThatFallsOffTheEndIsRefused() {
        refused(FallsOff.class)
                .hasMessageContaining(prefix(FallsOff.class, "last") + "is the last node and has no next(...); the path falls off the end.")
                .hasMessageNotContaining("node 'branch'");
        // a last branch whose both targets are nodes never falls off
        assertThatCode(() -> DefinitionReader.read(BranchesOnly.class)).doesNotThrowAnyException();
    }

    public static class BadNumbers extends Automation {
        final Execute work = execute();
        final Repeat loop = repeat().everyNMinutes(0);
    }

    @Test
    void repeatIntervalsMustBePositive() {
        refused(BadNumbers.class).hasMessage(prefix(BadNumbers.class, "loop") + "everyNMinutes(0) needs a positive number");
    }

    @Test
    void registeringAnInvalidAutomationFails() {
        AutomationRegistry registry = new AutomationRegistry();
        assertThatThrownBy(() -> registry.register(EmptySplit.class)).isInstanceOf(AutomationDefinitionException.class);
        assertThat(registry.find(EmptySplit.class.getName())).isNull();
    }
}
