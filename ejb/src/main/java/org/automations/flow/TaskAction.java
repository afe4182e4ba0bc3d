package org.automations.flow;

/**
 * Work done by an {@link Execute} node that returns nothing, typically a method reference of the
 * automation: {@code execute(this::sendWelcomeMail)}.
 */
@FunctionalInterface
public interface TaskAction {
    void run(Task task) throws Exception;
}
