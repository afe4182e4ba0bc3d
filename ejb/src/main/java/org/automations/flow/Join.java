package org.automations.flow;

/**
 * Waits until every path spawned by the same {@link Split} has arrived, then continues as one
 * path.
 *
 * <pre>{@code
 * final Join join = join();
 * }</pre>
 */
public class Join extends Node<Join> {
}
