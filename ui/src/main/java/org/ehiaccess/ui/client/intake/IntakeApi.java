package org.ehiaccess.ui.client.intake;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;


import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.ehiaccess.ui.client.ProblemReader;
import org.ehiaccess.ui.client.PropagateAccessToken;

/**
 * The EHI Request Log API of intake-service, called with the signed-in person's access token.
 * Package-private: pages use {@link IntakeClient}, which adds retries and a circuit breaker.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(PropagateAccessToken.class)
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface IntakeApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";
    String IF_MATCH = "If-Match";

    @GET
    List<RequestRecord> latest(@QueryParam("limit") int limit);

    /** One page of the filtered log; the next page's address is in the {@code Link: rel="next"} header. */
    @GET
    RestResponse<List<RequestRecord>> search(@QueryParam("status") List<String> status, @QueryParam("due") String due,
            @QueryParam("requesterType") String requesterType, @QueryParam("channel") String channel,
            @QueryParam("assignee") String assignee, @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("after") String after, @QueryParam("limit") Integer limit);

    /** The filtered log, every page, as CSV. */
    @GET
    @Path("export")
    @Produces("text/csv")
    String export(@QueryParam("status") List<String> status, @QueryParam("due") String due,
            @QueryParam("requesterType") String requesterType, @QueryParam("channel") String channel,
            @QueryParam("assignee") String assignee, @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo, @QueryParam("q") String q, @QueryParam("sort") String sort);

    @GET
    @Path("{id}")
    RequestRecord get(@PathParam("id") UUID id);

    @POST
    RequestRecord create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, NewRequestBody request);

    @PUT
    @Path("{id}")
    RequestRecord edit(@PathParam("id") UUID id, @HeaderParam(IF_MATCH) String version, NewRequestBody request);

    @POST
    @Path("{id}/status")
    RequestRecord changeStatus(@PathParam("id") UUID id, @HeaderParam(IF_MATCH) String version,
            RequestChangeBodies.StatusChange change);

    @POST
    @Path("{id}/verification")
    RequestRecord verify(@PathParam("id") UUID id, @HeaderParam(IF_MATCH) String version,
            RequestChangeBodies.Verification verification);

    @POST
    @Path("{id}/extension")
    RequestRecord extend(@PathParam("id") UUID id, @HeaderParam(IF_MATCH) String version,
            RequestChangeBodies.Extension extension);

    @POST
    @Path("{id}/assignment")
    RequestRecord assign(@PathParam("id") UUID id, @HeaderParam(IF_MATCH) String version,
            RequestChangeBodies.Assignment assignment);

    @POST
    @Path("{id}/notes")
    TimelineEntry addNote(@PathParam("id") UUID id, RequestChangeBodies.Note note);

    @POST
    @Path("{id}/duplicates/{flagId}")
    DuplicateFlag decideDuplicate(@PathParam("id") UUID id, @PathParam("flagId") UUID flagId,
            RequestChangeBodies.DuplicateDecision decision);

    @GET
    @Path("{id}/timeline")
    List<TimelineEntry> timeline(@PathParam("id") UUID id);

    /** 4xx: the API's answer, with its problem details; 5xx: the API is unwell. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new IntakeUnavailableException("intake-service answered " + status, null);
        }
        return new IntakeRefusedException(ProblemReader.read(response));
    }
}
