package org.ehiaccess.intake.decision;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends the caller's own {@code Authorization} header on to decision-service, which then reads the decision in the
 * caller's clinic within the caller's role.
 */
public class ForwardAuthorization implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext context) {
        String authorization = incomingAuthorization();
        if (authorization != null && !authorization.isBlank()) {
            context.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    private static String incomingAuthorization() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        RoutingContext current = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return current == null ? null : current.request().getHeader(HttpHeaders.AUTHORIZATION);
    }
}
