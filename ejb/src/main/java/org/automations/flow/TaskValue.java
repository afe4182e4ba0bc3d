package org.automations.flow;

/**
 * A value computed from the task when the engine needs it, for example the time a node waits for:
 * {@code afterWaitingUntil(this::reminderTime)}.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface TaskValue<T> {
    T valueFor(Task task) throws Exception;
}
