package org.automations.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The web UI's security in one place: form login with the login page, and the roles. Which pages
 * need which role is declared in web.xml; the identity store is {@link DemoIdentityStore} in the
 * example application (replace it with the server's realm, a database or LDAP in production).
 */
@ApplicationScoped
@DeclareRoles({Roles.ADMIN, Roles.USER})
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml",
        errorPage = "/login.xhtml?error=true",
        // redirect, not forward: after the login the browser asks for the page again, so that the
        // page's own request (and the EJBs it calls) already carries the caller's roles
        useForwardToLogin = false))
public class SecurityConfiguration {
}
