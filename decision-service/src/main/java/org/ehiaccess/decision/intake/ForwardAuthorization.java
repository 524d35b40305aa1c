package org.ehiaccess.decision.intake;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends the caller's own {@code Authorization} header on to intake-service: the change is made as that person, in
 * their clinic, within their role, and intake-service's timeline names them. Outside an HTTP request nothing is sent
 * (intake-service then refuses the call, which is reported).
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
