package org.ehiaccess.intake.request;

import org.ehiaccess.platform.security.Permissions;
import org.ehiaccess.platform.version.Versions;
import static org.ehiaccess.platform.clinic.StaffRole.CLINICIAN;
import static org.ehiaccess.platform.clinic.StaffRole.PRIVACY_OFFICER;
import static org.ehiaccess.platform.clinic.StaffRole.SUPERVISOR;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import org.ehiaccess.intake.clock.ClockStart;
import org.ehiaccess.intake.request.RequestView.ClockView;
import org.ehiaccess.intake.request.RequestView.DuplicateView;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** What happens to a request after it is logged: status, verification, extension, clocks, duplicates, timeline. */
@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
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
    @PermissionsAllowed(Permissions.CHANGE_STATUS)
    @Path("status")
    @Operation(summary = "Move the request along its lifecycle (If-Match: its version)")
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChange change) {
        return detail(changes.changeStatus(id, Versions.required(ifMatch), change));
    }

    @POST
    @PermissionsAllowed(Permissions.VERIFY_REQUESTER)
    @Path("verification")
    @Operation(summary = "Record how identity or authority was verified (If-Match: its version)")
    public Response verify(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull Verification verification) {
        return detail(changes.verify(id, Versions.required(ifMatch), verification));
    }

    @POST
    @PermissionsAllowed(Permissions.EXTEND_DEADLINE)
    @Path("extension")
    @Operation(summary = "Extend the HIPAA deadline once, with the written notice sent within 30 days (164.524(b)(2)(ii))")
    public Response extend(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull Extension extension) {
        return detail(changes.extend(id, Versions.required(ifMatch), extension));
    }

    @POST
    @PermissionsAllowed(Permissions.START_CLOCK)
    @Path("clocks")
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
    @PermissionsAllowed(Permissions.MEET_CLOCK)
    @Path("clocks/{kind}/met")
    @Operation(summary = "Mark a clock met (e.g. the infeasibility notice was sent)")
    public ClockView meetClock(@PathParam("id") UUID id, @PathParam("kind") ClockKind kind) {
        return ClockView.of(changes.meetClock(id, kind), clock.instant());
    }

    @POST
    @PermissionsAllowed(Permissions.DECIDE_DUPLICATE)
    @Path("duplicates/{flagId}")
    @Operation(summary = "Confirm or dismiss a possible duplicate; records are never merged")
    public DuplicateView decideDuplicate(@PathParam("id") UUID id, @PathParam("flagId") UUID flagId,
            @Valid @NotNull DuplicateDecision decision) {
        return DuplicateView.of(changes.decideDuplicate(id, flagId, decision.decision()));
    }

    @POST
    @PermissionsAllowed(Permissions.ASSIGN_REQUEST)
    @Path("assignment")
    @Operation(summary = "Give the request to a staff member (If-Match: its version)")
    public Response assign(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Valid @NotNull Assignment assignment) {
        return detail(changes.assign(id, Versions.required(ifMatch), assignment.assignee()));
    }

    @POST
    @PermissionsAllowed(Permissions.ADD_NOTE)
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
    @PermissionsAllowed(Permissions.READ_REQUESTS)
    @Path("timeline")
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
