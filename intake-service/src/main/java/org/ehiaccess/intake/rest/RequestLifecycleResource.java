package org.ehiaccess.intake.rest;

import org.ehiaccess.platform.version.Versions;
import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.CLINIC_ADMIN;
import static org.ehiaccess.platform.clinic.StaffRole.COMPLIANCE_LEAD;
import static org.ehiaccess.platform.clinic.StaffRole.FRONT_DESK;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ehiaccess.intake.clock.ClockKind;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestEvent;
import org.ehiaccess.intake.rest.RequestView.ClockView;
import org.ehiaccess.intake.rest.RequestView.DuplicateView;
import org.ehiaccess.intake.service.RequestChanges;
import org.ehiaccess.intake.service.RequestLogService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What happens to a request after it is logged: status, verification, extension, clocks, duplicates, timeline. */
@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, CLINIC_ADMIN })
public class RequestLifecycleResource {

    @Inject
    RequestChanges changes;

    @Inject
    RequestLogService log;

    @Inject
    Clock clock;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @POST
    @Path("status")
    @Operation(summary = "Move the request along its lifecycle (If-Match: its version)")
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChange change) {
        return detail(changes.changeStatus(id, Versions.required(ifMatch), change));
    }

    @POST
    @Path("verification")
    @Operation(summary = "Record how identity or authority was verified (If-Match: its version)")
    public Response verify(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull Verification verification) {
        return detail(changes.verify(id, Versions.required(ifMatch), verification));
    }

    @POST
    @Path("extension")
    @RolesAllowed({ SUPERVISOR, PRIVACY_OFFICER })
    @Operation(summary = "Extend the HIPAA deadline once, with the written notice sent within 30 days (164.524(b)(2)(ii))")
    public Response extend(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull Extension extension) {
        return detail(changes.extend(id, Versions.required(ifMatch), extension));
    }

    @POST
    @Path("clocks")
    @RolesAllowed({ FRONT_DESK, PRIVACY_OFFICER, CLINICIAN, SUPERVISOR })
    @Operation(summary = "Start a clock a decision brings (the 171.204(b) infeasibility notice, the review of a denial)",
            description = "The front desk may start only the denial review (the patient asked for a review at the desk).")
    public ClockView startClock(@PathParam("id") UUID id, @Valid @NotNull ClockStart start) {
        if (start.kind() != ClockKind.denial_review && !identity.hasRole(PRIVACY_OFFICER)
                && !identity.hasRole(CLINICIAN) && !identity.hasRole(SUPERVISOR)) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
        return ClockView.of(changes.startClock(id, start), clock.instant());
    }

    @POST
    @Path("clocks/{kind}/met")
    @RolesAllowed({ PRIVACY_OFFICER, CLINICIAN, SUPERVISOR })
    @Operation(summary = "Mark a clock met (e.g. the infeasibility notice was sent)")
    public ClockView meetClock(@PathParam("id") UUID id, @PathParam("kind") ClockKind kind) {
        return ClockView.of(changes.meetClock(id, kind), clock.instant());
    }

    @POST
    @Path("duplicates/{flagId}")
    @Operation(summary = "Confirm or dismiss a possible duplicate; records are never merged")
    public DuplicateView decideDuplicate(@PathParam("id") UUID id, @PathParam("flagId") UUID flagId,
            @Valid @NotNull DuplicateDecision decision) {
        return DuplicateView.of(changes.decideDuplicate(id, flagId, decision.decision()));
    }

    @POST
    @Path("assignment")
    @Operation(summary = "Give the request to a staff member (If-Match: its version)")
    public Response assign(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull Assignment assignment) {
        return detail(changes.assign(id, Versions.required(ifMatch), assignment.assignee()));
    }

    @POST
    @Path("notes")
    @Operation(summary = "Add a note to the request's timeline")
    public TimelineEntry addNote(@PathParam("id") UUID id, @Valid @NotNull Note note) {
        return TimelineEntry.of(changes.addNote(id, note.text()));
    }

    /** Who works the request; blank to unassign. */
    public record Assignment(@jakarta.validation.constraints.Size(max = 100) String assignee) {
    }

    public record Note(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 4000) String text) {
    }

    @GET
    @Path("timeline")
    @RolesAllowed({ FRONT_DESK, CLINICIAN, PRIVACY_OFFICER, SUPERVISOR, COMPLIANCE_LEAD, CLINIC_ADMIN })
    @Operation(summary = "Everything that happened to the request, oldest first")
    public List<TimelineEntry> timeline(@PathParam("id") UUID id) {
        log.get(id);
        return RequestEvent.timelineOf(id).stream().map(TimelineEntry::of).toList();
    }

    /** One line of the timeline. */
    public record TimelineEntry(Instant at, String actor, String kind, String detail, String before, String after) {
        static TimelineEntry of(RequestEvent e) {
            return new TimelineEntry(e.occurredAt, e.actor, e.kind, e.detail, e.beforeValue, e.afterValue);
        }
    }

    private Response detail(EhiRequest request) {
        return RequestResource.withVersion(request, RequestView.detail(request, clock.instant()));
    }
}
