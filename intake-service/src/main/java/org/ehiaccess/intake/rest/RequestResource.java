package org.ehiaccess.intake.rest;

import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.CLINIC_ADMIN;
import static org.ehiaccess.platform.clinic.StaffRole.COMPLIANCE_LEAD;
import static org.ehiaccess.platform.clinic.StaffRole.FRONT_DESK;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.service.RequestLogService;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The EHI Request Log API: every request from every channel. */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN })
public class RequestResource {

    @Inject
    RequestLogService log;

    @POST
    @Operation(summary = "Log a request for EHI", description = "A retry with the same Idempotency-Key returns the first result and creates nothing.")
    public Response create(@Valid @NotNull(message = "a request body is required") NewRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        IdempotencyKeys.Outcome outcome = log.log(request, idempotencyKey);
        EhiRequest saved = log.find(outcome.id()).orElseThrow();
        return Response.created(URI.create("/api/v1/requests/" + saved.id))
                .entity(RequestView.of(saved))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request of the signed-in clinic")
    public RequestView get(@PathParam("id") UUID id) {
        return log.find(id).map(RequestView::of).orElseThrow(() -> ProblemException.notFound("Request " + id));
    }

    @GET
    @Operation(summary = "The newest requests of the signed-in clinic")
    public List<RequestView> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return log.latest(limit).stream().map(RequestView::of).toList();
    }
}
