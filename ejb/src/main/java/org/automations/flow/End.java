package org.automations.flow;

import java.util.List;

/**
 * Finishes the automation instance. A finished instance cannot run again; paths of a split that
 * are still open when an end is reached are closed with the message {@code ended}.
 *
 * <pre>{@code
 * final End end = end();
 * }</pre>
 */
public class End extends Node<End> {

    @Override
    public End next(String nodeName) {
        definitionError("an end node has no next(...); remove it");
        return this;
    }

    @Override
    public List<String> targets() {
        return List.of();
    }

    @Override
    public boolean continuesInOrder() {
        return false;
    }
}
