package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Task;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** when(...).then(...).otherwise(...): the spec's If/Then/Else. */
class BranchingTest {

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

    /** Branches by node name on a condition function. */
    public static class ByName extends Automation {
        final If branch = when(task -> (Boolean) task.data().getOrDefault("signed", false))
                .then("processContract")
                .otherwise("sendReminder");
        final Execute processContract = execute(task -> {
            task.data().put("done", "contract");
        }).next("end");
        final Execute sendReminder = execute(task -> {
            task.data().put("done", "reminder");
        });
        final End end = end();
    }

    @Test
    void aTrueConditionContinuesAtThenAndRecordsTrue() {
        fixture.register(ByName.class);
        long id = fixture.start(ByName.class, Map.of("signed", true));

        assertThat(statuses(id)).containsExactly("branch", "processContract", "end");
        assertThat(messages(id)).containsExactly("True", "OK", "OK");
        assertThat(fixture.tasks(id).get(0).getResult()).isEqualTo("true");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("done", "contract");
    }

    @Test
    void aFalseConditionContinuesAtOtherwiseAndRecordsFalse() {
        fixture.register(ByName.class);
        long id = fixture.start(ByName.class, Map.of("signed", false));

        assertThat(statuses(id)).containsExactly("branch", "sendReminder", "end");
        assertThat(messages(id)).containsExactly("False", "OK", "OK");
        assertThat(fixture.tasks(id).get(0).getResult()).isEqualTo("false");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("done", "reminder");
    }

    /** Fixed values, work as branches, and a branch without otherwise. */
    public static class Values extends Automation {
        final If alwaysTrue = when(true)
                .then(task -> {
                    task.data().put("then", task.status());
                })
                .otherwise(task -> {
                    task.data().put("otherwise", task.status());
                });
        final If alwaysFalse = when(false)
                .then(task -> {
                    task.data().put("then2", task.status());
                })
                .otherwise(task -> {
                    task.data().put("otherwise2", task.status());
                });
        final If noOtherwise = when(this::isVip).then("vip");
        final Execute regular = execute(task -> {
            task.data().put("path", "regular");
        }).next("end");
        final Execute vip = execute(task -> {
            task.data().put("path", "vip");
        });
        final End end = end();

        boolean isVip(Task task) {
            return "vip".equals(task.data().get("level"));
        }
    }

    @Test
    void workBranchesRunAndContinueWithTheNextNode() {
        fixture.register(Values.class);
        long id = fixture.start(Values.class, Map.of("level", "vip"));

        assertThat(statuses(id)).containsExactly("alwaysTrue", "alwaysFalse", "noOtherwise", "vip", "end");
        assertThat(messages(id)).containsExactly("True", "False", "True", "OK", "OK");
        assertThat(Json.readMap(fixture.instance(id).getData()))
                .containsEntry("then", "alwaysTrue")
                .containsEntry("otherwise2", "alwaysFalse")
                .doesNotContainKeys("otherwise", "then2")
                .containsEntry("path", "vip");
    }

    @Test
    void aMissingOtherwiseContinuesWithTheNextNode() {
        fixture.register(Values.class);
        long id = fixture.start(Values.class, Map.of("level", "basic"));

        assertThat(statuses(id)).containsExactly("alwaysTrue", "alwaysFalse", "noOtherwise", "regular", "end");
        assertThat(messages(id)).containsExactly("True", "False", "False", "OK", "OK");
        assertThat(Json.readMap(fixture.instance(id).getData())).containsEntry("path", "regular");
    }
}
