package org.automations.flow;

import java.time.Instant;
import java.util.Map;

/**
 * The handle a node's work receives: one task of one automation instance (the spec's
 * {@code task_instance}). Changes to {@link #data()} are saved with the step that made them.
 */
public interface Task {

    /** The id of the task record. */
    long id();

    /** The id of the automation instance this task belongs to. */
    long automationId();

    /** The name of the node this task executes (the spec's {@code status}). */
    String status();

    /** When the task was created, that is when the automation arrived at the node. */
    Instant created();

    /**
     * The data shared by all tasks of the instance: JSON-serialisable values only (strings,
     * numbers, booleans, lists, maps, {@code null}).
     */
    Map<String, Object> data();

    /** The current time as the engine sees it (the engine's clock, which tests may move). */
    Instant now();
}
