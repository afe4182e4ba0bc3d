package org.automations.engine;

/** Who works on a form task: the caller principal and what the container knows of it. */
public interface Caller {

    /** The caller principal's name. */
    String name();

    /** Whether the caller belongs to the group. */
    boolean isInGroup(String group);

    /** Whether the caller has the permission (a role). */
    boolean hasPermission(String permission);

    /** Administrators may process every form (the spec's superuser). */
    boolean isAdministrator();
}
