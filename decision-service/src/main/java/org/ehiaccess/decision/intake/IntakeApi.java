package org.ehiaccess.decision.intake;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of intake-service's API that a decision reads or changes: the request itself (does it exist in the caller's
 * clinic), its timeline and its clocks. Called with the
 * signed-in person's own token ({@link ForwardAuthorization}), so intake-service checks their clinic and role itself.
 * Only {@link IntakeClient} uses it.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(ForwardAuthorization.class)
@Path("/api/v1/requests/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface IntakeApi {

    /** The request; only whether intake-service finds it in the caller's clinic matters here. */
    @GET
    void get(@PathParam("id") UUID requestId);

    /** A note on the request's timeline. */
    record Note(String text) {
    }

    /** A clock a decision brings: infeasibility_notice (171.204(b)) or denial_review (164.524(a)(4)). */
    record ClockStart(String kind) {
    }

    @POST
    @Path("notes")
    void addNote(@PathParam("id") UUID requestId, Note note);

    @POST
    @Path("clocks")
    void startClock(@PathParam("id") UUID requestId, ClockStart start);

    @POST
    @Path("clocks/{kind}/met")
    void meetClock(@PathParam("id") UUID requestId, @PathParam("kind") String kind);
}
