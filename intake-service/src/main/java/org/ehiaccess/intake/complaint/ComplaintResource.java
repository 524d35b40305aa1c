package org.ehiaccess.intake.complaint;

import org.ehiaccess.platform.version.Versions;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import org.ehiaccess.intake.audit.AuditEntry;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** Complaints and grievances about access, linked to requests, tracked to resolution. */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    @Inject
    ComplaintService complaints;

    @Inject
    IdempotencyKeys idempotency;

    public record ComplaintView(UUID id, LocalDate receivedOn, Complaint.Source source, String sourceName,
            String allegation, Complaint.Status status, String resolution, LocalDate resolvedOn, Set<UUID> requestIds,
            Instant createdAt, String createdBy, int version) {
        static ComplaintView of(Complaint c) {
            return new ComplaintView(c.id, c.receivedOn, c.source, c.sourceName, c.allegation, c.status, c.resolution,
                    c.resolvedOn, Set.copyOf(c.requestIds), c.createdAt, c.createdBy, c.version);
        }
    }

    @POST
    @PermissionsAllowed(Permissions.LOG_COMPLAINT)
    @Transactional
    @Operation(summary = "Log a complaint", description = "Idempotency-Key makes a retry safe.")
    public Response create(@Valid @NotNull ComplaintInput input, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID id = idempotency.createOnce(key, "complaint", input.fingerprint(), () -> complaints.create(input)).id();
        Complaint saved = complaints.get(id);
        return Response.created(URI.create("/api/v1/complaints/" + id)).header(Versions.ETAG, Versions.etag(saved.version))
                .entity(ComplaintView.of(saved)).build();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_COMPLAINTS)
    public List<ComplaintView> list(@QueryParam("status") String status) {
        Complaint.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Complaint.Status.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw org.ehiaccess.platform.problem.ProblemException.invalid("status",
                        "must be one of " + java.util.Arrays.toString(Complaint.Status.values()));
            }
        }
        return complaints.list(wanted, 500).stream().map(ComplaintView::of).toList();
    }

    @GET
    @PermissionsAllowed(Permissions.READ_COMPLAINTS)
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        Complaint complaint = complaints.get(id);
        return Versions.ok(ComplaintView.of(complaint), complaint.version);
    }

    @PUT
    @PermissionsAllowed(Permissions.UPDATE_COMPLAINT)
    @Path("{id}")
    @Operation(summary = "Update a complaint (investigation, resolution); If-Match: its version")
    public Response update(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull ComplaintInput input) {
        Complaint saved = complaints.update(id, Versions.required(ifMatch), input);
        return Versions.ok(ComplaintView.of(saved), saved.version);
    }

    @GET
    @PermissionsAllowed(Permissions.READ_COMPLAINTS)
    @Path("{id}/audit")
    public List<AuditEntry> audit(@PathParam("id") UUID id) {
        complaints.get(id);
        return AuditEntry.of("complaint", id.toString());
    }
}
