package org.ehiaccess.platform.service;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends the caller's own {@code Authorization} header on to another of our services, so that the other service checks
 * the person's clinic and role itself and records them as the actor. Outside an HTTP request nothing is sent (the other
 * service then refuses the call, which the caller reports). Register it on a REST client with
 * {@code @RegisterProvider(ForwardAuthorization.class)}.
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
