package org.automations.engine;

import jakarta.ejb.ApplicationException;

/** Someone else completed the form task first; nothing was changed. */
@ApplicationException(rollback = true)
public class TaskAlreadyCompletedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskAlreadyCompletedException(String message) {
        super(message);
    }
}
