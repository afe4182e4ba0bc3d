package org.automations.web.security;

/** The application's roles. */
public final class Roles {

    /** May see everything and process any form. */
    public static final String ADMIN = "automations-admin";

    /** May see and process the tasks assigned to them. */
    public static final String USER = "automations-user";

    private Roles() {
    }
}
