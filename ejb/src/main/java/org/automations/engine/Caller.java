package org.automations.engine;

/** Who works on a form task: the caller principal and what the container knows of it. */
public interface Caller {

    /** The caller principal's name. */
    String name();

    /** Whether the caller belongs to the group. */
    boolean isInGroup(String group);

    /** The caller's groups (the task list asks the database only for tasks of these groups). */
    java.util.Set<String> groups();

    /** Whether the caller has the permission (a role). */
    boolean hasPermission(String permission);

    /** Administrators may process every form (the spec's superuser). */
    boolean isAdministrator();
}
