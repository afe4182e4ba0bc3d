package org.automations.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.automations.flow.Task;
import org.automations.persistence.AutomationTaskModel;

/** The {@link Task} a node's work receives: a view of one task row and its instance's data. */
final class TaskHandle implements Task {

    private final AutomationTaskModel task;
    private final InstanceBinding instance;
    private final Clock clock;

    TaskHandle(AutomationTaskModel task, InstanceBinding instance, Clock clock) {
        this.task = task;
        this.instance = instance;
        this.clock = clock;
    }

    @Override
    public long id() {
        return task.getId();
    }

    @Override
    public long automationId() {
        return instance.id();
    }

    @Override
    public String status() {
        return task.getStatus();
    }

    @Override
    public Instant created() {
        return task.getCreated();
    }

    @Override
    public Map<String, Object> data() {
        return instance.data();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public String toString() {
        return "Task " + task.getId() + " (" + task.getStatus() + ") of automation " + instance.id();
    }
}
