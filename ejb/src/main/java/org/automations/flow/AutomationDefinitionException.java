package org.automations.flow;

/**
 * An automation class is not a valid definition. Thrown at deployment; the message names the
 * automation class, the node and what to change.
 */
public class AutomationDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AutomationDefinitionException(String message) {
        super(message);
    }

    public AutomationDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
