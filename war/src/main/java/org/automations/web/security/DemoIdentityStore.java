package org.automations.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * The example application's demo users (documented in the README). Not for production: there,
 * use the server's realm, a database identity store or LDAP instead (see server-config/).
 */
@ApplicationScoped
public class DemoIdentityStore implements IdentityStore {

    private record DemoUser(String password, Set<String> groups) {
    }

    private static final Map<String, DemoUser> USERS = Map.of(
            "admin", new DemoUser("admin", Set.of(Roles.ADMIN, Roles.USER)),
            "alice", new DemoUser("alice", Set.of(Roles.USER, "sales", "moderators")),
            "bob", new DemoUser("bob", Set.of(Roles.USER, "support")));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login) {
            DemoUser user = USERS.get(login.getCaller());
            if (user != null && login.getPassword().compareTo(user.password())) {
                return new CredentialValidationResult(login.getCaller(), user.groups());
            }
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
