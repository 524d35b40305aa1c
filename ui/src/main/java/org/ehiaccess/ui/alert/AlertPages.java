package org.ehiaccess.ui.alert;

import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.intake.AlertClient;
import org.ehiaccess.ui.client.intake.AlertDelivery;
import org.ehiaccess.ui.client.intake.AlertMail;
import org.ehiaccess.ui.client.intake.AlertRecord;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.IntakeUnavailableException;
import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The supervisors' deadline alert inbox: unread first, each linked to its request and to the request
 * page's actions (reassign, extend with the written notice, add a note); the unread count in the
 * header; and how the supervisor wants alert mail.
 */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SUPERVISOR_ROLE)
public class AlertPages {

    private static final Logger LOG = Logger.getLogger(AlertPages.class);

    /** An htmx event: whatever shows an unread count asks again. */
    static final String ALERTS_CHANGED = "alerts-changed";

    /** The request pages looked up for an inbox page (patient, requester); the rest link by id only. */
    static final int REQUEST_LOOKUPS = 40;

    /** An alert and its request (null when it could not be read). */
    public record AlertRow(AlertRecord alert, RequestRecord request) {
        public boolean canExtend() {
            return request != null && request.open() && request.hasOpenHipaaClock() && !request.extended();
        }

        public boolean open() {
            return request == null || request.open();
        }
    }

    /** What the mail form shows: the choice ("none" for no mail), the address, and messages. */
    public record MailForm(String delivery, String email, String emailError, String problem, boolean saved) {
        public boolean is(String value) {
            return value.equals(delivery);
        }

        public List<AlertDelivery> deliveries() {
            return List.of(AlertDelivery.values());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<AlertRow> rows, long unread, MailForm mail);

        static native TemplateInstance row(AlertRow row);

        static native TemplateInstance count(long unread);
    }

    @Inject
    AlertClient alerts;

    @Inject
    IntakeClient intake;

    @Inject
    SignedInUser user;

    @Context
    HttpHeaders headers;

    @GET
    public Response inbox(@QueryParam("mail") String mail) {
        return Response.ok(Templates.inbox(rows(), unreadOf(), mailForm("saved".equals(mail)))).build();
    }

    /** The header's unread count: a tiny fragment htmx asks for on load and every 30 seconds. */
    @GET
    @Path("unread-count")
    public Response unreadCount() {
        long unread;
        try {
            unread = alerts.unreadCount();
        } catch (IntakeUnavailableException | FaultToleranceException unavailable) {
            // the header keeps its last count rather than showing an error in the navigation
            return Response.noContent().build();
        }
        return Response.ok(Templates.count(unread)).build();
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markRead(@PathParam("id") String id) {
        Optional<UUID> alertId = parse(id);
        if (alertId.isEmpty()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        alerts.markRead(alertId.get());
        if (Htmx.wantsFragment(headers)) {
            AlertRow row = rows().stream().filter(r -> r.alert().id().equals(alertId.get())).findFirst().orElse(null);
            if (row != null) {
                return Response.ok(Templates.row(row)).header("HX-Trigger", ALERTS_CHANGED).build();
            }
            return Response.noContent().header("HX-Trigger", ALERTS_CHANGED).build();
        }
        return Response.seeOther(URI.create("/alerts")).build();
    }

    @POST
    @Path("mail")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseMail(@RestForm String delivery, @RestForm String email) {
        String choice = delivery == null ? "" : delivery.strip();
        String address = email == null ? "" : email.strip();
        try {
            if ("none".equals(choice)) {
                alerts.stopMail();
            } else if (choice.equals(AlertDelivery.each.wire()) || choice.equals(AlertDelivery.daily_digest.wire())) {
                alerts.chooseMail(new AlertMail.Choice(choice, address.isEmpty() ? null : address));
            } else {
                return mailAgain(new MailForm(choice, address, null, "Choose how you want alert mail, or no mail.", false));
            }
        } catch (IntakeRefusedException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            ProblemDetails problem = refused.problem();
            String emailError = problem.errors().stream().filter(e -> "email".equals(e.field()))
                    .map(e -> e.message() != null && e.message().startsWith("must be a well-formed")
                            ? "Enter an e-mail address such as name@clinic.org"
                            : capitalize(e.message()))
                    .findFirst().orElse(null);
            return mailAgain(new MailForm(choice, address, emailError,
                    emailError == null ? (problem.detail() != null ? problem.detail() : problem.title()) : null, false));
        }
        return Response.seeOther(URI.create("/alerts?mail=saved#mail")).build();
    }

    private Response mailAgain(MailForm form) {
        return Response.status(422).entity(Templates.inbox(rows(), unreadOf(), form)).build();
    }

    private MailForm mailForm(boolean saved) {
        Optional<AlertMail> mine = alerts.mail();
        return mine.map(m -> new MailForm(m.delivery().wire(), m.email(), null, null, saved))
                .orElseGet(() -> new MailForm("none", user.email(), null, null, saved));
    }

    /** Unread first, then newest first; each with its request when it can be read. */
    private List<AlertRow> rows() {
        List<AlertRecord> all = alerts.alerts().stream()
                .sorted(Comparator.comparing(AlertRecord::read)
                        .thenComparing(AlertRecord::raisedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        Map<UUID, RequestRecord> requests = new HashMap<>();
        for (AlertRecord alert : all) {
            if (requests.size() >= REQUEST_LOOKUPS) {
                break;
            }
            if (alert.requestId() != null && !requests.containsKey(alert.requestId())) {
                try {
                    intake.request(alert.requestId()).ifPresent(r -> requests.put(r.id(), r));
                } catch (RuntimeException e) {
                    LOG.debugf("request of an alert not readable: %s", e.getClass().getSimpleName());
                }
            }
        }
        return all.stream().map(a -> new AlertRow(a, requests.get(a.requestId()))).toList();
    }

    private long unreadOf() {
        return alerts.unreadCount();
    }

    private static String capitalize(String message) {
        return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id)).filter(u -> u.toString().equalsIgnoreCase(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
