package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

    public static class NoNodes extends Automation {
    }

    @Test
    void anAutomationWithoutNodesIsRejected() {
        assertThatThrownBy(() -> DefinitionReader.read(NoNodes.class))
                .isInstanceOf(AutomationDefinitionException.class)
                .hasMessage("Automation " + NoNodes.class.getName()
                        + ": has no nodes; declare at least one node field, e.g. 'final End end = end();'");
    }

    public static class WaitsTwice extends Automation {
        final Execute start = execute();
        final Execute remind = execute()
                .afterWaitingFor(Duration.ofHours(1))
                .afterWaitingFor(Duration.ofHours(2));
        final End end = end();
    }

    @Test
    void aWaitModifierGivenTwiceNamesClassNodeAndFix() {
        assertThatThrownBy(() -> DefinitionReader.read(WaitsTwice.class))
                .isInstanceOf(AutomationDefinitionException.class)
                .hasMessage("Automation " + WaitsTwice.class.getName()
                        + ", node 'remind': afterWaitingFor(...) is given twice; give it once");
    }

    public static class BadReferences extends Automation {
        final Execute start = execute().next("nowhere");
        final Execute last = execute();
    }

    @Test
    void unknownTargetsAndPathsFallingOffTheEndAreRejected() {
        assertThatThrownBy(() -> DefinitionReader.read(BadReferences.class))
                .isInstanceOf(AutomationDefinitionException.class)
                .hasMessageContaining("node 'start': next(\"nowhere\") names no node of this automation; use one of [start, last]")
                .hasMessageContaining("node 'last': is the last node and has no next(...); the path falls off the end");
    }

    public static class NeedsArguments extends Automation {
        final End end = end();

        NeedsArguments(String unused) {
        }
    }

    @Test
    void aClassWithoutNoArgumentConstructorIsRejected() {
        assertThatThrownBy(() -> DefinitionReader.read(NeedsArguments.class))
                .hasMessageContaining("has no no-argument constructor");
    }

    @Meta(verboseName = "Webinar preparation")
    public static class Named extends Automation {
        final End end = end();
    }

    public static class Unnamed extends Automation {
        final End end = end();
    }

    @Test
    void verboseNamesComeFromMetaOrTheClassName() {
        AutomationDefinition named = DefinitionReader.read(Named.class);
        AutomationDefinition unnamed = DefinitionReader.read(Unnamed.class);

        assertThat(named.verboseName()).isEqualTo("Webinar preparation");
        assertThat(named.verboseNamePlural()).isEqualTo("Automations Named");
        assertThat(unnamed.verboseName()).isEqualTo("Automation Unnamed");
        assertThat(unnamed.nodes()).extracting(AutomationDefinition.NodeDefinition::name).containsExactly("end");
    }
}
