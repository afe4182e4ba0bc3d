package org.automations.web.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.automations.engine.Caller;
import org.automations.web.security.Roles;

/**
 * Decides who works on form tasks: produces the {@link Caller} of the current request for the
 * engine's form API (the counterpart of the spec's {@code ATM_GROUP_MODEL} and
 * {@code ATM_USER_WITH_PERMISSIONS_*} settings).
 *
 * <p>By default it asks container security (Jakarta Security's {@link SecurityContext}):
 * <ul>
 *   <li>name: the caller principal's name;</li>
 *   <li>administrator: the role {@value Roles#ADMIN};</li>
 *   <li>group membership and permissions: {@link SecurityContext#isCallerInRole(String)} for the
 *   group's (or permission's) name. The identity store's groups need not be declared roles: with
 *   the server's <em>default principal-to-role mapping</em> (Payara:
 *   {@code security-service activate-default-principal-to-role-mapping=true}, which the run
 *   launcher and the test server enable) every group is a role of the same name, and
 *   {@code isCallerInRole("sales")} answers for the group {@code sales}. Verified on embedded
 *   Payara 6 (see {@code TasksIT}). As a second source it also accepts the names of the caller's
 *   group principals ({@link SecurityContext#getPrincipalsByType(Class)}: Payara's subject holds
 *   one {@code org.glassfish.security.common.Group} principal per group), so a server without
 *   the mapping still works for groups.</li>
 * </ul>
 *
 * <p><b>Replacing it.</b> An application whose groups or permissions live elsewhere (an
 * organisation table, an external service) replaces this bean with a CDI alternative:
 * <pre>{@code
 * @Alternative @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION)
 * @ApplicationScoped
 * public class OrganisationCallers extends CallerProvider {
 *     @Override
 *     public Caller caller() { ... }
 * }
 * }</pre>
 * Every task page asks this bean, and only this bean, for the caller; the engine's
 * {@code mayProcess} then decides with the answers of that {@link Caller}.
 */
@ApplicationScoped
public class CallerProvider {

    /** The simple class name of the group principals of Payara/GlassFish subjects. */
    private static final String GROUP_PRINCIPAL = "Group";

    @Inject
    SecurityContext security;

    /** The caller of the current request, or {@code null} if nobody is logged in. */
    public Caller caller() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return null;
        }
        return new SecurityCaller(principal.getName(), groupPrincipals(), security);
    }

    /** The names of the caller's group principals, as far as the server exposes them. */
    protected Set<String> groupPrincipals() {
        Set<String> groups = new LinkedHashSet<>();
        try {
            for (Principal principal : security.getPrincipalsByType(Principal.class)) {
                if (GROUP_PRINCIPAL.equals(principal.getClass().getSimpleName())) {
                    groups.add(principal.getName());
                }
            }
        } catch (RuntimeException e) {
            // a server that cannot list the subject's principals: the role check alone decides
        }
        return Collections.unmodifiableSet(groups);
    }

    /** The default caller: container security at the time of the request. */
    static final class SecurityCaller implements Caller {

        private final String name;
        private final Set<String> groups;
        private final SecurityContext security;

        SecurityCaller(String name, Set<String> groups, SecurityContext security) {
            this.name = name;
            this.groups = groups;
            this.security = security;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isInGroup(String group) {
            return groups.contains(group) || security.isCallerInRole(group);
        }

        @Override
        public boolean hasPermission(String permission) {
            return security.isCallerInRole(permission) || groups.contains(permission);
        }

        @Override
        public boolean isAdministrator() {
            return security.isCallerInRole(Roles.ADMIN);
        }

        @Override
        public String toString() {
            return "Caller " + name + " (groups " + groups + ")";
        }
    }
}
