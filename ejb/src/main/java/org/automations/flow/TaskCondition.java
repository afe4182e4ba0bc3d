package org.automations.flow;

/**
 * A condition evaluated on the task when the engine needs it, for {@code asSoonAs}, {@code skipIf}
 * and {@code when}: {@code asSoonAs(task -> task.data().containsKey("approved"))}.
 */
@FunctionalInterface
public interface TaskCondition {
    boolean test(Task task) throws Exception;
}
