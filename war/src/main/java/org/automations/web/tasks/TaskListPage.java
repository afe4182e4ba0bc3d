package org.automations.web.tasks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.Caller;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationService;
import org.automations.runtime.EngineClock;

/**
 * Backs the task list (the spec's {@code TaskListView}): the open form tasks the caller may
 * process (administrators: all), oldest first, each with its urgency.
 */
@Named("taskList")
@RequestScoped
public class TaskListPage {

    /**
     * One task as the list shows it.
     *
     * @param description the node's description, else its name
     * @param hours       hours since the task was created (the spec's {@code hours_since_created})
     */
    public record Row(long taskId, String automation, String description, long instanceId, Instant created,
                      double hours, Urgency urgency) {

        /** Whole hours, for the page. */
        public long getWholeHours() {
            return (long) Math.floor(hours);
        }
    }

    @EJB
    AutomationService automations;

    @Inject
    CallerProvider callers;

    @Inject
    EngineClock clock;

    private List<Row> rows;

    public List<Row> getTasks() {
        if (rows == null) {
            Caller caller = callers.caller();
            Instant now = clock.clock().instant();
            rows = caller == null ? List.of() : automations.openFormTasks(caller).stream()
                    .map(task -> row(task, now))
                    .sorted(Comparator.comparing(Row::created).thenComparing(Row::taskId))
                    .toList();
        }
        return rows;
    }

    private Row row(AutomationTaskModel task, Instant now) {
        AutomationDefinition definition = automations.automation(task.getAutomation().getAutomationClass());
        String automation = definition != null ? definition.verboseName() : task.getAutomation().getAutomationClass();
        String description = task.getStatus();
        if (definition != null && definition.node(task.getStatus()) != null) {
            String text = definition.node(task.getStatus()).description();
            if (text != null && !text.isBlank()) {
                description = text;
            }
        }
        double hours = Urgency.hoursSinceCreated(task.getCreated(), task.getFinished(), now);
        return new Row(task.getId(), automation, description, task.getAutomation().getId(), task.getCreated(), hours,
                Urgency.of(hours));
    }
}
