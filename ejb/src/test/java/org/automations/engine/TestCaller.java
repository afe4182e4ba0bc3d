package org.automations.engine;

import java.util.Set;

/** A caller for form tests: a name, its groups and permissions, and whether it is an administrator. */
record TestCaller(String name, Set<String> groups, Set<String> permissions, boolean administrator) implements Caller {

    static TestCaller user(String name, String... groups) {
        return new TestCaller(name, Set.of(groups), Set.of(), false);
    }

    static TestCaller withPermissions(String name, String... permissions) {
        return new TestCaller(name, Set.of(), Set.of(permissions), false);
    }

    static TestCaller admin(String name) {
        return new TestCaller(name, Set.of(), Set.of(), true);
    }

    @Override
    public boolean isInGroup(String group) {
        return groups.contains(group);
    }

    @Override
    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public boolean isAdministrator() {
        return administrator;
    }
}
