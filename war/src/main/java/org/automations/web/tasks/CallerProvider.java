package org.automations.web.tasks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.Caller;
import org.automations.runtime.AutomationService;
import org.automations.web.security.Roles;

/**
 * Decides who works on form tasks: makes the {@link Caller} of the current request for the engine's
 * form API (the counterpart of the spec's {@code ATM_GROUP_MODEL} and
 * {@code ATM_USER_WITH_PERMISSIONS_*} settings). Every task page asks this bean, and only this
 * bean; the engine's {@code mayProcess} then decides with that caller's answers.
 *
 * <p><b>Default: container security</b> (Jakarta Security's {@link SecurityContext}), read once per
 * call of {@link #caller()} into an immutable {@link Caller}, so the engine's checks inside the EJB
 * do not depend on the EJB container's own role mapping:
 * <ul>
 *   <li>name: the caller principal's name; administrator: the role {@value Roles#ADMIN};</li>
 *   <li>groups and permissions (both are names the identity store gives as groups, e.g.
 *   {@code sales}): {@link SecurityContext#isCallerInRole(String)} for every group and permission
 *   that a deployed form names, plus the names of the caller's group principals.</li>
 * </ul>
 *
 * <p><b>What was verified on embedded Payara 6</b> (2024.8, default principal-to-role mapping on,
 * as in the run launcher and the test server; see {@code TasksIT} and {@code TasksJourneyIT}):
 * <ul>
 *   <li>{@code isCallerInRole("sales")} is {@code false} for a group that is <em>not</em> a
 *   declared role, although the identity store gave it: the default mapping only maps declared
 *   roles. {@link TaskRolesDeclaration} therefore declares every group and permission of the
 *   deployed forms as a role of the web module at start-up; then {@code isCallerInRole} answers
 *   for them in every request.</li>
 *   <li>{@code getPrincipalsByType(Principal.class)} lists one
 *   {@code org.glassfish.security.common.Group} principal per group, but not in the first request
 *   after a form login (the request restored by {@code LoginToContinue}) while the groups were not
 *   declared roles. They are only a second source here.</li>
 * </ul>
 *
 * <p><b>Replacing it.</b> An application whose groups or permissions live elsewhere (an
 * organisation table, an LDAP query, an external service) replaces this bean with a CDI
 * alternative, a subclass or any bean of this type:
 * <pre>{@code
 * @Alternative @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION)
 * @ApplicationScoped
 * public class OrganisationCallers extends CallerProvider {
 *     @Inject Organisation organisation;
 *
 *     @Override
 *     public Caller caller() {
 *         Caller container = super.caller();           // null when nobody is logged in
 *         return container == null ? null : new OrganisationCaller(container, organisation);
 *     }
 * }
 * }</pre>
 * {@code TasksIT.aReplacedCallerProviderDecidesWhoWorksOnATask} shows such a replacement.
 */
@ApplicationScoped
public class CallerProvider {

    /** The simple class name of the group principals of Payara/GlassFish subjects. */
    private static final String GROUP_PRINCIPAL = "Group";

    @Inject
    SecurityContext security;

    @EJB
    AutomationService automations;

    private volatile Set<String> formRoles;

    /** The caller of the current request, or {@code null} if nobody is logged in. */
    public Caller caller() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return null;
        }
        Set<String> groups = new TreeSet<>(groupPrincipals());
        for (String role : formRoles()) {
            if (security.isCallerInRole(role)) {
                groups.add(role);
            }
        }
        return new ContainerCaller(principal.getName(), Collections.unmodifiableSet(groups),
                security.isCallerInRole(Roles.ADMIN));
    }

    /** Every group and permission that a deployed form names (see {@link TaskRolesDeclaration}). */
    protected Set<String> formRoles() {
        Set<String> roles = formRoles;
        if (roles == null) {
            Set<String> collected = new TreeSet<>();
            for (AutomationDefinition definition : automations.automations()) {
                collected.addAll(TaskRolesDeclaration.formRoles(definition));
            }
            roles = Collections.unmodifiableSet(collected);
            formRoles = roles;
        }
        return roles;
    }

    /** The names of the caller's group principals, as far as the server lists them. */
    protected Set<String> groupPrincipals() {
        Set<String> groups = new LinkedHashSet<>();
        try {
            for (Principal principal : security.getPrincipalsByType(Principal.class)) {
                if (GROUP_PRINCIPAL.equals(principal.getClass().getSimpleName())) {
                    groups.add(principal.getName());
                }
            }
        } catch (RuntimeException e) {
            // a server that cannot list the subject's principals: the role checks alone decide
        }
        return groups;
    }

    /**
     * The default caller: what container security said at the time of the request. Groups and
     * permissions are the same names (the identity store's groups, mapped to roles).
     */
    public record ContainerCaller(String name, Set<String> groups, boolean isAdministrator) implements Caller {

        @Override
        public boolean isInGroup(String group) {
            return groups.contains(group);
        }

        @Override
        public boolean hasPermission(String permission) {
            return groups.contains(permission);
        }
    }
}
