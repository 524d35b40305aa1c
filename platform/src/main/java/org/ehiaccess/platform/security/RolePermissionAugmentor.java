package org.ehiaccess.platform.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives a signed-in person the operations of every staff role in their token ({@link Permissions}),
 * so that {@code @PermissionsAllowed} checks the one table. Anonymous callers get nothing and are
 * answered 401; a signed-in caller without the operation 403.
 */
@ApplicationScoped
public class RolePermissionAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> operations = Permissions.of(identity.getRoles());
        if (operations.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addPermissionsAsString(operations).build());
    }
}
