package org.automations.engine;

import jakarta.ejb.ApplicationException;

/** Someone else completed the form task first; nothing was changed. */
@ApplicationException(rollback = true)
public class TaskAlreadyCompletedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String completedBy;

    /** @param completedBy who completed it, or {@code null} if not known */
    public TaskAlreadyCompletedException(String completedBy) {
        super("This task was already completed" + (completedBy == null ? "" : " by " + completedBy) + ".");
        this.completedBy = completedBy;
    }

    /** Who completed the task, or {@code null} if not known. */
    public String completedBy() {
        return completedBy;
    }
}
