package org.automations.flow;

/**
 * Finishes the automation instance. A finished instance cannot run again.
 *
 * <pre>{@code
 * final End end = end();
 * }</pre>
 */
public class End extends Node<End> {
}
