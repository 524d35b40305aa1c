package org.ehiaccess.ui.rest;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import org.ehiaccess.ui.client.IntakeClient;
import org.ehiaccess.ui.client.IntakeRefusedException;
import org.ehiaccess.ui.client.IntakeUnavailableException;
import org.ehiaccess.ui.client.NewRequestBody;
import org.ehiaccess.ui.client.RequestRecord;
import org.ehiaccess.ui.config.UiConfig;
import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The EHI Request Log: the log (newest first), the "New request" form, and one request.
 * Every page works as plain HTML (form POST, then a redirect); htmx only swaps parts of them.
 */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class RequestPages {

    private static final Logger LOG = Logger.getLogger(RequestPages.class);

    /** 422: the form came back with messages (htmx swaps it in; a plain browser shows the page). */
    static final int UNPROCESSABLE = 422;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(List<RequestRecord> requests, Instant refreshedAt, boolean canLog);

        static native TemplateInstance log$table(List<RequestRecord> requests, Instant refreshedAt);

        static native TemplateInstance newRequest(RequestForm form);

        static native TemplateInstance newRequest$form(RequestForm form);

        static native TemplateInstance request(RequestRecord request, boolean justLogged);

        static native TemplateInstance notFound();
    }

    @Inject
    IntakeClient intake;

    @Inject
    ClinicTime time;

    @Inject
    UiConfig config;

    @Inject
    org.ehiaccess.ui.security.SignedInUser user;

    @Context
    HttpHeaders headers;

    @GET
    public TemplateInstance log() {
        List<RequestRecord> requests = intake.latestRequests(config.requestLogSize());
        Instant now = time.now();
        return Htmx.wantsFragment(headers)
                ? Templates.log$table(requests, now)
                : Templates.log(requests, now, user.canLogRequests());
    }

    @GET
    @Path("new")
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public TemplateInstance newRequest() {
        return Templates.newRequest(RequestForm.blank(time));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response logRequest(@BeanParam RequestForm form) {
        form.normalized();
        NewRequestBody body = form.toBody(time);
        if (body == null) {
            return formAgain(form, UNPROCESSABLE);
        }
        RequestRecord saved;
        try {
            saved = intake.logRequest(form.idempotencyKey, body);
        } catch (IntakeRefusedException refused) {
            return refused(form, refused);
        } catch (IntakeUnavailableException | FaultToleranceException unavailable) {
            LOG.warnf("Logging a request failed: %s", unavailable.toString());
            form.problem("We could not reach the request log, so we cannot tell whether this request was saved. "
                    + "Sending the form again is safe: it will not log the request twice.");
            return formAgain(form, Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
        URI detail = URI.create("/requests/" + saved.id() + "?logged=true");
        if (Htmx.isHtmx(headers)) {
            // a whole new page: htmx loads it, so the address bar and the back button stay right
            return Response.noContent().header(Htmx.REDIRECT, detail.toString()).build();
        }
        return Response.seeOther(detail).build();
    }

    @GET
    @Path("{id}")
    public Response request(@PathParam("id") String id, @QueryParam("logged") boolean logged) {
        Optional<RequestRecord> request = parse(id).flatMap(intake::request);
        if (request.isEmpty()) {
            // the same answer for a mistyped link and for another clinic's request
            return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
        }
        return Response.ok(Templates.request(request.get(), logged)).build();
    }

    private Response refused(RequestForm form, IntakeRefusedException refused) {
        switch (refused.status()) {
            case 400 -> form.reject(refused.problem());
            case 422 -> {
                // this form's key already logged a different request (the form was changed and sent again)
                form.problem("This form was already used to log a request with different details. "
                        + "Check the request log before sending it again; sending now logs a new request.");
                form.renewIdempotencyKey();
            }
            case 409 -> form.problem("The first sending of this form is still being saved. "
                    + "Check the request log in a moment before sending it again.");
            default -> throw refused;
        }
        return formAgain(form, UNPROCESSABLE);
    }

    private Response formAgain(RequestForm form, int status) {
        TemplateInstance page = Htmx.wantsFragment(headers) ? Templates.newRequest$form(form) : Templates.newRequest(form);
        return Response.status(status).entity(page).build();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id)).filter(u -> u.toString().equalsIgnoreCase(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
