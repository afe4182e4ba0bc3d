package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The execute node: method references, lambdas, no-ops, subclasses, results and messages. */
class ExecuteTest {

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** A user-written node kind (the spec's {@code SendMail extends Execute}). */
    public static class Stamp extends Execute {
        private final String label;

        public Stamp(String label) {
            this.label = label;
        }

        @Override
        protected Object method(Task task) {
            task.data().put("stamp", label + "@" + task.status());
            return Map.of("stamped", label);
        }
    }

    public static class Kinds extends Automation {
        final Execute byReference = execute(this::byReference);
        final Execute byLambda = execute(task -> {
            task.data().put("lambda", task.automationId() == id());
        });
        final Execute noop = execute();
        final Execute withResult = execute((Task task) -> List.of(1, "two", Map.of("three", 3)));
        final Execute withObjectResult = execute((Task task) -> new Object());
        final Execute withNullResult = execute((Task task) -> null);
        final Execute subclass = new Stamp("approved");
        final End end = end();

        void byReference(Task task) {
            data().put("reference", task.status());
        }
    }

    @Test
    void everyKindOfWorkRunsAndStoresJsonResultsOnly() {
        fixture.register(Kinds.class);
        long id = fixture.start(Kinds.class, Map.of());

        assertThat(fixture.instance(id).getState()).isEqualTo(AutomationState.FINISHED);
        List<AutomationTaskModel> tasks = fixture.tasks(id);
        assertThat(tasks).extracting(AutomationTaskModel::getStatus).containsExactly(
                "byReference", "byLambda", "noop", "withResult", "withObjectResult", "withNullResult", "subclass", "end");
        assertThat(tasks).extracting(AutomationTaskModel::getMessage).containsOnly("OK");
        assertThat(tasks).extracting(AutomationTaskModel::getResult).containsExactly(
                null, null, null, "[1,\"two\",{\"three\":3}]", null, null, "{\"stamped\":\"approved\"}", null);
        assertThat(Json.readMap(fixture.instance(id).getData()))
                .containsEntry("reference", "byReference")
                .containsEntry("lambda", true)
                .containsEntry("stamp", "approved@subclass");
    }

    @Test
    void aSubclassIsAnExecuteNodeForTheDefinition() {
        AutomationDefinition definition = DefinitionReader.read(Kinds.class);

        assertThat(definition.node("subclass").kind()).isEqualTo("Stamp");
        assertThat(definition.node("noop").kind()).isEqualTo("Execute");
    }
}
