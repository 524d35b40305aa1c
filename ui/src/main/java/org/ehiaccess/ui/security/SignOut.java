package org.ehiaccess.ui.security;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Sign-out: a form POST that carries the CSRF token like every other form (the CSRF filter refuses
 * it without one), so a page on another site cannot sign staff out. It ends the local session, then
 * the session at the identity provider, which sends the browser back to the signed-out page.
 * (OIDC's own logout path is not used: it reacts to any request to that path, token or not.)
 */
@Path("/logout")
public class SignOut {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm();
    }

    @Inject
    OidcSession session;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcConfigurationMetadata provider;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    /** From an error page, which has no CSRF token to give: a page with the sign-out form. */
    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirm() {
        return Templates.confirm();
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@FormParam("csrf-token") String csrfToken, @Context UriInfo uri) {
        // the token itself was checked by the CSRF filter before this method runs
        URI signedOut = uri.getBaseUriBuilder().path("signed-out").build();
        String endSession = provider.getEndSessionUri();
        URI next = endSession == null ? signedOut
                : UriBuilder.fromUri(endSession)
                        .queryParam("client_id", clientId)
                        .queryParam("id_token_hint", idToken.getRawToken())
                        .queryParam("post_logout_redirect_uri", signedOut.toString())
                        .build();
        return session.logout().replaceWith(() -> Response.seeOther(next).build());
    }
}
