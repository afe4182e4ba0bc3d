package org.automations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.persistence.AutomationTaskModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task list asks the database for the caller's tasks, a page at a time. */
class TaskListQueryTest {

    private final EngineFixture fixture = new EngineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    public static class Note {
        public String text;
    }

    public static class ForSales extends Automation {
        final Form note = form(Note.class).group("sales");
        final End end = end();
    }

    public static class ForAlice extends Automation {
        final Form note = form(Note.class).user("alice");
        final End end = end();
    }

    public static class ForSalesManagers extends Automation {
        final Form note = form(Note.class).group("sales").permission("managers");
        final End end = end();
    }

    private List<AutomationTaskModel> tasks(TestCaller caller, int max) {
        return fixture.inTransaction(engine -> engine.openFormTasks(caller, max));
    }

    @Test
    void theFirstTasksOfTheCallersUserAndGroupsOldestFirstWithEveryPermission() {
        fixture.register(ForSales.class).register(ForAlice.class).register(ForSalesManagers.class);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            fixture.start(ForSalesManagers.class, Map.of());   // alice lacks the permission: never listed
            long sales = fixture.start(ForSales.class, Map.of());
            long alice = fixture.start(ForAlice.class, Map.of());
            expected.add(fixture.tasks(sales).get(0).getId());
            expected.add(fixture.tasks(alice).get(0).getId());
        }
        TestCaller alice = new TestCaller("alice", Set.of("sales"), Set.of(), false);
        TestCaller bob = new TestCaller("bob", Set.of("support"), Set.of(), false);
        TestCaller admin = new TestCaller("admin", Set.of(), Set.of(), true);

        assertThat(tasks(alice, 250)).extracting(AutomationTaskModel::getId).containsExactlyElementsOf(expected.subList(0, 250));
        assertThat(tasks(alice, 50)).extracting(AutomationTaskModel::getId).containsExactlyElementsOf(expected.subList(0, 50));
        assertThat(tasks(alice, Integer.MAX_VALUE)).hasSize(300);
        assertThat(tasks(bob, 50)).isEmpty();
        assertThat(tasks(admin, 1000)).hasSize(450);
    }
}
