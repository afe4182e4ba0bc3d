package org.automations.engine;

import jakarta.ejb.ApplicationException;

/** The caller may not work on this task (or it does not exist); nothing was changed. */
@ApplicationException(rollback = true)
public class TaskNotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskNotAllowedException(String message) {
        super(message);
    }
}
