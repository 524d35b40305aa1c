package org.ehiaccess.platform.testing;

import java.util.Map;
import java.util.Set;

import org.ehiaccess.platform.service.ServiceRole;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Tokens of our own services (an OIDC client-credentials grant of a confidential client): the service account's name,
 * the role {@code service} in {@code groups}, and no clinic.
 */
public final class ServiceTokens {

    private ServiceTokens() {
    }

    /** The token of {@code client}'s service account, as the identity provider issues it. */
    public static String serviceToken(String client) {
        return token("service-account-" + client, ServiceRole.SERVICE);
    }

    /** A token without a clinic holding {@code roles}, for {@code user}. */
    public static String token(String user, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), user, "Bearer",
                Set.of("https://server.example.com"), Map.of());
    }
}
