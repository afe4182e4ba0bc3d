package org.automations.engine;

import jakarta.ejb.ApplicationException;

/**
 * A node failed and its code had marked the transaction for rollback, so the failure cannot be
 * recorded in it. The caller records it in a new transaction with
 * {@link AutomationEngine#recordFailure(long, String, String, String)}.
 */
@ApplicationException(rollback = true)
public class StepRolledBackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long automationId;
    private final String node;
    private final String errorResult;

    public StepRolledBackException(long automationId, String node, String message, String errorResult) {
        super(message);
        this.automationId = automationId;
        this.node = node;
        this.errorResult = errorResult;
    }

    public long automationId() {
        return automationId;
    }

    public String node() {
        return node;
    }

    public String errorResult() {
        return errorResult;
    }
}
