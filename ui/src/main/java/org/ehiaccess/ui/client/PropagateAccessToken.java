package org.ehiaccess.ui.client;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sends the signed-in person's access token (from the OIDC code flow session) to the service as
 * {@code Authorization: Bearer}: the services decide who may do what, for which clinic, from it.
 * <p>
 * This is what {@code quarkus-rest-client-oidc-token-propagation}'s {@code @AccessToken} does; that
 * extension's parent POM cannot be resolved from the Maven repository this project builds against,
 * so the UI carries this small equivalent (see ui/README.md).
 */
@Priority(Priorities.AUTHENTICATION)
public class PropagateAccessToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String token = currentAccessToken();
        if (token == null) {
            // no person, no token: the service will answer 401; never call it as somebody else
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    static String currentAccessToken() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try (InstanceHandle<CurrentIdentityAssociation> association = Arc.container()
                .instance(CurrentIdentityAssociation.class)) {
            if (!association.isAvailable()) {
                return null;
            }
            SecurityIdentity identity = association.get().getIdentity();
            if (identity == null || identity.isAnonymous()) {
                return null;
            }
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            return credential == null ? null : credential.getToken();
        }
    }
}
