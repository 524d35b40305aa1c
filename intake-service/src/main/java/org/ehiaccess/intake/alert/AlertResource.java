package org.ehiaccess.intake.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.ehiaccess.intake.clock.ClockKind;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestStatus;
import org.ehiaccess.intake.request.Cursor;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.security.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;

/** The supervisors' alert inbox and how each supervisor wants alert mail. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertInbox inbox;

    @Inject
    ClinicContext clinic;

    @Inject
    Clock clock;

    /** An alert with enough of its request for the inbox line (in the app only; mail carries no such detail). */
    public record AlertView(UUID id, UUID requestId, ClockKind clock, String clockLabel, int threshold, boolean overdue,
            LocalDate dueOn, Instant dueAt, Instant raisedAt, boolean read, String patientName, String requesterName,
            RequestStatus status, String assignee) {
        static AlertView of(AlertInbox.Entry e) {
            DeadlineAlert a = e.alert();
            EhiRequest r = e.request();
            return new AlertView(a.id, a.requestId, a.clockKind, a.clockLabel, a.threshold, a.isOverdue(), a.dueOn,
                    a.dueAt, a.raisedAt, e.read(), r == null ? null : r.patientName, r == null ? null : r.requesterName,
                    r == null ? null : r.status, r == null ? null : r.assignee);
        }
    }

    public record UnreadCount(long unread) {
    }

    public record Delivery(@NotNull AlertRecipient.Delivery delivery, @Email @Size(max = 200) String email) {
    }

    public record RecipientView(String username, String email, AlertRecipient.Delivery delivery) {
        static RecipientView of(AlertRecipient r) {
            return new RecipientView(r.username, r.email, r.delivery);
        }
    }

    @GET
    @PermissionsAllowed(Permissions.HANDLE_ALERTS)
    @Operation(summary = "The clinic's deadline alerts, newest first, with the caller's read marks",
            description = "Pages of `limit` (default 50); follow the Link rel=next header (cursor `after`).")
    public Response list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Context UriInfo uri) {
        AlertInbox.Page page = inbox.latest(unreadOnly, after == null || after.isBlank() ? null : Cursor.decode(after),
                limit);
        Response.ResponseBuilder response = Response.ok(page.entries().stream().map(AlertView::of).toList());
        if (page.next() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("after", page.next().encode()).build(), "next");
        }
        return response.build();
    }

    @GET
    @PermissionsAllowed(Permissions.HANDLE_ALERTS)
    @Path("unread-count")
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount());
    }

    @POST
    @PermissionsAllowed(Permissions.HANDLE_ALERTS)
    @Path("{id}/read")
    public UnreadCount markRead(@PathParam("id") UUID id) {
        inbox.markRead(id);
        return new UnreadCount(inbox.unreadCount());
    }

    @GET
    @PermissionsAllowed(Permissions.HANDLE_ALERTS)
    @Path("delivery")
    @Operation(summary = "How the caller gets alert mail (404 when they get none)")
    public RecipientView myDelivery() {
        AlertRecipient me = AlertRecipient.findById(new AlertRecipient.Key(clinic.clinicId(), clinic.actor()));
        if (me == null) {
            throw ProblemException.notFound("Alert mail for " + clinic.actor());
        }
        return RecipientView.of(me);
    }

    @PUT
    @PermissionsAllowed(Permissions.HANDLE_ALERTS)
    @Path("delivery")
    @Transactional
    @Operation(summary = "Get alert mail: each alert, or a daily digest; the address defaults to the sign-in's e-mail")
    public RecipientView setMyDelivery(@Valid @NotNull Delivery choice) {
        String email = choice.email() != null && !choice.email().isBlank() ? choice.email().strip()
                : clinic.email().orElseThrow(() -> ProblemException.invalid("email",
                        "your sign-in has no e-mail address; enter one"));
        AlertRecipient me = AlertRecipient.findById(new AlertRecipient.Key(clinic.clinicId(), clinic.actor()));
        boolean isNew = me == null;
        if (isNew) {
            me = new AlertRecipient();
            me.clinicId = clinic.clinicId();
            me.username = clinic.actor();
        }
        me.email = email;
        me.delivery = choice.delivery();
        me.updatedAt = clock.instant();
        if (isNew) {
            // persist after the fields are set: the insert takes the state at persist time
            me.persist();
        }
        return RecipientView.of(me);
    }

    @DELETE
    @PermissionsAllowed(Permissions.HANDLE_ALERTS)
    @Path("delivery")
    @Transactional
    @Operation(summary = "Stop alert mail for the caller (the inbox stays)")
    public void stopMyDelivery() {
        AlertRecipient.delete("clinicId = ?1 and username = ?2", clinic.clinicId(), clinic.actor());
    }

    @GET
    @PermissionsAllowed(Permissions.READ_ALERT_RECIPIENTS)
    @Path("recipients")
    @Operation(summary = "Who in the clinic gets alert mail")
    public List<RecipientView> recipients() {
        return AlertRecipient.<AlertRecipient>list("clinicId = ?1 order by username", clinic.clinicId()).stream()
                .map(RecipientView::of).toList();
    }
}
