package org.automations.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Spawns one path per {@code next}; the paths run independently until they meet at a
 * {@link Join}.
 *
 * <pre>{@code
 * final Split parallel = split().next("moderation").next("warning").next("confCall");
 * }</pre>
 */
public class Split extends Node<Split> {

    private final List<String> paths = new ArrayList<>();

    /** Adds a path that starts at the named node. May be given several times. */
    @Override
    public Split next(String nodeName) {
        paths.add(Objects.requireNonNull(nodeName, "nodeName"));
        return this;
    }

    public final List<String> getPaths() {
        return Collections.unmodifiableList(paths);
    }

    @Override
    public List<String> targets() {
        return getPaths();
    }

    @Override
    public boolean continuesInOrder() {
        return false;
    }
}
