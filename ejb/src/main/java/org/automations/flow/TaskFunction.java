package org.automations.flow;

/**
 * Work done by an {@link Execute} node that returns a result. A JSON-serialisable result is stored
 * on the task; anything else is stored as {@code null}.
 *
 * <p>A one-parameter lambda whose body is a single method call fits both this interface and
 * {@link TaskAction}; give it a block body or a typed parameter ({@code (Task t) -> ...}) to choose.
 */
@FunctionalInterface
public interface TaskFunction {
    Object apply(Task task) throws Exception;
}
