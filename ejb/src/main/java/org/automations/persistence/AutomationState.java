package org.automations.persistence;

/** Where an automation instance stands. */
public enum AutomationState {
    /** Has open tasks: running, waiting for a time, a condition or a person. */
    RUNNING,
    /** Reached an end node. */
    FINISHED,
    /** A node failed without an {@code onError} target; an administrator may look at it. */
    FAILED
}
