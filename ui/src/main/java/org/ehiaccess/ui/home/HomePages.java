package org.ehiaccess.ui.home;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.ui.security.SignedInUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The front door: clinic staff go to the request log; the signed-out page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance signedOut();
    }

    @Inject
    SignedInUser user;

    @GET
    @Authenticated
    public Response home() {
        if (user.canViewRequests()) {
            return Response.seeOther(URI.create("/requests")).build();
        }
        // the hosting operator: no clinic pages for this role
        return Response.ok(Templates.home()).build();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
