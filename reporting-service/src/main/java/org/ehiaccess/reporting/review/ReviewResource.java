package org.ehiaccess.reporting.review;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;

import io.quarkus.security.PermissionsAllowed;

/**
 * The quarterly denial review (the compliance lead's): a reproducible, stratified sample of the quarter's denials and
 * limitations, a tally sheet per item, totals, meeting notes and follow-up actions; signed, it is locked.
 */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ClinicContext clinic;

    @Inject
    ReviewStore reviews;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.EDIT_DENIAL_REVIEW)
    @Operation(summary = "Draw a quarter's review sample",
            description = "{quarter: \"2026-Q4\", size?, seed?, zone?}. Default size: all if at most 20 denials and"
                    + " limitations, else max(20, 10 %); at least one per legal basis. The seed (chosen or drawn) and"
                    + " the selection are recorded: the same seed over the same facts gives the same sample.")
    public Response draw(Review.Draw input) {
        String clinicId = clinic.clinicId();
        UUID id = reviews.draw(clinicId, clinic.actor(), input);
        Review.View view = reviews.get(clinicId, id);
        return Response.created(URI.create("/api/v1/reviews/" + id)).entity(view)
                .header(Versions.ETAG, Versions.etag(view.version())).build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_DENIAL_REVIEWS)
    @Operation(summary = "The clinic's reviews, newest quarter first")
    public List<Review.Summary> list() {
        return reviews.list(clinic.clinicId());
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permissions.READ_DENIAL_REVIEWS)
    @Operation(summary = "A review: its sample, tally sheets, totals, notes and follow-up actions")
    public Response get(@PathParam("id") UUID id) {
        Review.View view = reviews.get(clinic.clinicId(), id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.EDIT_DENIAL_REVIEW)
    @Operation(summary = "Replace the meeting notes and follow-up actions (If-Match: the review's version)",
            description = "A signed review answers 409 locked; a stale version 409 stale-version.")
    public Response meeting(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            Review.Meeting input) {
        Review.View view = reviews.meeting(clinic.clinicId(), id, Versions.required(ifMatch), input);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("{id}/items/{requestId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.EDIT_DENIAL_REVIEW)
    @Operation(summary = "Fill an item's tally sheet (If-Match: the item's version)",
            description = "Each answer yes, no or na (null: not yet). A signed review answers 409 locked.")
    public Response tally(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
            @HeaderParam(Versions.IF_MATCH) String ifMatch, Review.Tally input) {
        Review.Item item = reviews.tally(clinic.clinicId(), id, requestId, Versions.required(ifMatch), input);
        return Versions.ok(item, item.version());
    }

    @POST
    @Path("{id}/sign")
    @PermissionsAllowed(Permissions.SIGN_DENIAL_REVIEW)
    @Operation(summary = "Sign and lock the review (If-Match: its version)",
            description = "Every tally sheet must be complete (409 conflict otherwise). Afterwards every change answers"
                    + " 409 locked.")
    public Response sign(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Review.View view = reviews.sign(clinic.clinicId(), id, Versions.required(ifMatch), clinic.actor());
        return Versions.ok(view, view.version());
    }
}
