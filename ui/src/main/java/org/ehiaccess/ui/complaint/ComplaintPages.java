package org.ehiaccess.ui.complaint;

import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.Arrays;
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
import org.ehiaccess.ui.client.intake.ComplaintBody;
import org.ehiaccess.ui.client.intake.ComplaintClient;
import org.ehiaccess.ui.client.intake.ComplaintRecord;
import org.ehiaccess.ui.client.intake.ComplaintStatus;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.IntakeUnavailableException;
import org.ehiaccess.ui.web.AuditLine;
import org.ehiaccess.ui.web.ClinicTime;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Complaints and grievances about access: the list (by status), logging one (linked to the requests
 * it concerns), and one complaint with its update form (If-Match) and audit trail. Clinicians do
 * not handle complaints; the front desk logs them but does not investigate or resolve them.
 */
@Path("/complaints")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE, CLINIC_ADMIN_ROLE })
public class ComplaintPages {

    private static final Logger LOG = Logger.getLogger(ComplaintPages.class);
    static final int UNPROCESSABLE = 422;

    /** The list's status filter as the address carries it. */
    public record ListView(List<ComplaintRecord> complaints, String status) {
        public List<ComplaintStatus> statuses() {
            return Arrays.asList(ComplaintStatus.values());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListView view);

        static native TemplateInstance list$table(ListView view);

        static native TemplateInstance newComplaint(ComplaintForm form);

        static native TemplateInstance newComplaint$form(ComplaintForm form);

        static native TemplateInstance complaint(ComplaintRecord complaint, ComplaintForm form, List<AuditLine> audit,
                String done);

        static native TemplateInstance complaint$form(ComplaintRecord complaint, ComplaintForm form);

        static native TemplateInstance notFound();
    }

    @Inject
    ComplaintClient complaints;

    @Inject
    ClinicTime time;

    @Inject
    SignedInUser user;

    @Context
    HttpHeaders headers;

    @GET
    public TemplateInstance list(@QueryParam("status") String status) {
        String wanted = status == null ? "" : status.strip();
        if (!wanted.isEmpty() && Arrays.stream(ComplaintStatus.values()).noneMatch(s -> s.wire().equals(wanted))) {
            return Templates.list(new ListView(List.of(), ""));
        }
        ListView view = new ListView(complaints.list(wanted), wanted);
        return Htmx.wantsFragment(headers) ? Templates.list$table(view) : Templates.list(view);
    }

    @GET
    @Path("new")
    public TemplateInstance newComplaint(@QueryParam("request") String requestId) {
        String linked = requestId != null && parse(requestId).isPresent() ? requestId : null;
        return Templates.newComplaint(ComplaintForm.blank(time.today(), linked));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(@BeanParam ComplaintForm form) {
        form.normalized();
        if (form.idempotencyKey.isEmpty() || parse(form.idempotencyKey).isEmpty()) {
            form.problem("This form had expired. Check the details and send it again.");
            form.renewIdempotencyKey();
            return newAgain(form, UNPROCESSABLE);
        }
        ComplaintBody body = form.toBody();
        if (body == null) {
            return newAgain(form, UNPROCESSABLE);
        }
        ComplaintRecord saved;
        try {
            saved = complaints.log(form.idempotencyKey, body);
        } catch (IntakeRefusedException refused) {
            switch (refused.status()) {
                case 400 -> form.reject(refused.problem());
                case 409, 422 -> {
                    form.problem("This form was already used to log a complaint with different details. "
                            + "Check the complaints list before sending it again; sending now logs a new complaint.");
                    form.renewIdempotencyKey();
                }
                default -> throw refused;
            }
            return newAgain(form, UNPROCESSABLE);
        } catch (IntakeUnavailableException | FaultToleranceException unavailable) {
            LOG.warnf("Logging a complaint failed: %s", unavailable.toString());
            form.problem("We could not reach the request log, so we cannot tell whether this complaint was saved. "
                    + "Sending the form again is safe: it will not log the complaint twice.");
            return newAgain(form, Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
        return Htmx.redirect(headers, URI.create("/complaints/" + saved.id() + "?done=logged"));
    }

    @GET
    @Path("{id}")
    public Response complaint(@PathParam("id") String id, @QueryParam("done") String done) {
        Optional<ComplaintRecord> complaint = parse(id).flatMap(complaints::get);
        if (complaint.isEmpty()) {
            return notFound();
        }
        String message = "logged".equals(done) ? "The complaint was logged."
                : "updated".equals(done) ? "The complaint was updated." : null;
        return Response.ok(Templates.complaint(complaint.get(), ComplaintForm.of(complaint.get()),
                AuditLine.of(complaints.audit(complaint.get().id())), message)).build();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE, CLINIC_ADMIN_ROLE })
    public Response update(@PathParam("id") String id, @BeanParam ComplaintForm form) {
        Optional<ComplaintRecord> current = parse(id).flatMap(complaints::get);
        if (current.isEmpty()) {
            return notFound();
        }
        ComplaintRecord complaint = current.get();
        form.normalized();
        ComplaintBody body = form.toBody();
        if (body == null) {
            return updateAgain(complaint, form, UNPROCESSABLE);
        }
        if (form.editedVersion() < 0) {
            form.problem("This form did not say which version of the complaint it was filled from. Reload and try again.");
            return updateAgain(complaint, form, UNPROCESSABLE);
        }
        try {
            complaints.update(complaint.id(), form.editedVersion(), body);
        } catch (IntakeRefusedException refused) {
            switch (refused.status()) {
                case 400 -> form.reject(refused.problem());
                case 409, 412, 428 -> {
                    form.conflict();
                    return updateAgain(complaint, form, Response.Status.CONFLICT.getStatusCode());
                }
                default -> throw refused;
            }
            return updateAgain(complaint, form, UNPROCESSABLE);
        }
        return Htmx.redirect(headers, URI.create("/complaints/" + complaint.id() + "?done=updated"));
    }

    private Response newAgain(ComplaintForm form, int status) {
        TemplateInstance page = Htmx.wantsFragment(headers) ? Templates.newComplaint$form(form)
                : Templates.newComplaint(form);
        return Response.status(status).entity(page).build();
    }

    private Response updateAgain(ComplaintRecord complaint, ComplaintForm form, int status) {
        TemplateInstance page = Htmx.wantsFragment(headers) ? Templates.complaint$form(complaint, form)
                : Templates.complaint(complaint, form, AuditLine.of(complaints.audit(complaint.id())), null);
        return Response.status(status).entity(page).build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id)).filter(u -> u.toString().equalsIgnoreCase(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
