package org.automations.it;

import java.util.Set;
import org.automations.engine.Caller;

/** A caller for engine calls made directly by tests. */
public record TestCaller(String name, Set<String> groups, boolean isAdministrator) implements Caller {

    @Override
    public boolean isInGroup(String group) {
        return groups.contains(group);
    }

    @Override
    public boolean hasPermission(String permission) {
        return groups.contains(permission);
    }
}
