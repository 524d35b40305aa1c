package org.ehiaccess.ui.request;

import org.ehiaccess.ui.web.Htmx;
import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.IntakeUnavailableException;
import org.ehiaccess.ui.client.intake.LogPage;
import org.ehiaccess.ui.client.intake.LogQuery;
import org.ehiaccess.ui.client.intake.NewRequestBody;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.config.UiConfig;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.ehiaccess.ui.web.ClinicTime;

/**
 * The EHI Request Log: the log (filtered, sorted, paged, as CSV), the "New request" form, one request
 * with its clocks, duplicates and timeline, and every change to it. Every page works as plain HTML
 * (GET forms, form POST then a redirect); htmx only swaps parts of them.
 */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class RequestPages {

    private static final Logger LOG = Logger.getLogger(RequestPages.class);

    /** 422: the form came back with messages (htmx swaps it in; a plain browser shows the page). */
    static final int UNPROCESSABLE = 422;

    /** The log's rows, the next page's address (null on the last page) and when it was read. */
    public record LogView(List<RequestRecord> requests, String nextHref, Instant refreshedAt) {
    }

    /**
     * One request's page: the request, its timeline (newest first), the action forms (with what was
     * typed into a refused one), and what was just done.
     */
    public record RequestPage(RequestRecord request, List<DuplicateRow> duplicates, List<TimelineLine> timeline,
            RequestActions actions, String done, boolean justLogged) {
    }

    /** A possible duplicate and the earlier request it points at (null if it cannot be read). */
    public record DuplicateRow(org.ehiaccess.ui.client.intake.DuplicateFlag flag, RequestRecord other) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(LogView view, LogFilter filter, boolean canLog);

        static native TemplateInstance log$table(LogView view, LogFilter filter);

        static native TemplateInstance newRequest(RequestForm form);

        static native TemplateInstance newRequest$form(RequestForm form);

        static native TemplateInstance editRequest(RequestRecord request, RequestForm form, boolean conflict);

        static native TemplateInstance editRequest$form(RequestRecord request, RequestForm form, boolean conflict);

        static native TemplateInstance request(RequestPage page);

        static native TemplateInstance request$content(RequestPage page);

        static native TemplateInstance notFound();
    }

    /** What the page says after a change, by the {@code done} of its address. */
    static final Map<String, String> DONE = Map.of(
            "status", "The status was changed.",
            "verification", "The verification was recorded.",
            "assignment", "The assignment was saved.",
            "note", "The note was added to the timeline.",
            "extension", "The extension was recorded with its written notice. The HIPAA deadline is now 60 days.",
            "duplicate", "Your decision was recorded. The requests were not merged.",
            "edited", "The details were saved.");

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
    public Response log(@BeanParam LogFilter filter) {
        filter.normalized();
        LogView view = new LogView(List.of(), null, time.now());
        LogQuery query = filter.toQuery();
        if (query != null) {
            try {
                LogPage page = intake.search(query, filter.after, filter.pageSize(config.requestLogSize()));
                view = new LogView(page.requests(), page.nextCursor() == null ? null : filter.nextHref(page.nextCursor()),
                        time.now());
            } catch (IntakeRefusedException refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                // a filter the API cannot use (typed into the address): say which, show no rows
                filter.reject(refused.problem());
            }
        }
        TemplateInstance page = Htmx.wantsFragment(headers)
                ? Templates.log$table(view, filter)
                : Templates.log(view, filter, user.canLogRequests());
        return Response.ok(page).build();
    }

    /** The filtered log as CSV, through the UI: the browser only ever talks to the UI. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response exportCsv(@BeanParam LogFilter filter) {
        filter.normalized();
        LogQuery query = filter.toQuery();
        if (query == null) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(String.join("\n", filter.messages())).build();
        }
        String csv = intake.exportCsv(query);
        String name = "ehi-request-log-" + time.today() + ".csv";
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
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
        return Htmx.redirect(headers, URI.create("/requests/" + saved.id() + "?logged=true"));
    }

    @GET
    @Path("{id}")
    public Response request(@PathParam("id") String id, @QueryParam("logged") boolean logged,
            @QueryParam("done") String done, @QueryParam("act") String act) {
        Optional<RequestRecord> request = parse(id).flatMap(intake::request);
        if (request.isEmpty()) {
            return notFound();
        }
        RequestPage page = page(request.get(), RequestActions.blank(act, time), DONE.get(done == null ? "" : done), logged);
        return Response.ok(Templates.request(page)).build();
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response editRequest(@PathParam("id") String id) {
        Optional<RequestRecord> request = parse(id).flatMap(intake::request);
        if (request.isEmpty()) {
            return notFound();
        }
        return Response.ok(Templates.editRequest(request.get(), RequestForm.of(request.get(), time), false)).build();
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response saveEdit(@PathParam("id") String id, @BeanParam RequestForm form) {
        Optional<RequestRecord> current = parse(id).flatMap(intake::request);
        if (current.isEmpty()) {
            return notFound();
        }
        RequestRecord request = current.get();
        form.normalized();
        NewRequestBody body = form.toBody(time, false);
        if (body == null) {
            return editAgain(request, form, false, UNPROCESSABLE);
        }
        if (form.editedVersion() < 0) {
            form.problem("This form did not say which version of the request it was filled from. "
                    + "Reload the request and make your change again.");
            return editAgain(request, form, false, UNPROCESSABLE);
        }
        try {
            intake.edit(request.id(), form.editedVersion(), body);
        } catch (IntakeRefusedException refused) {
            switch (refused.status()) {
                case 400 -> form.reject(refused.problem());
                // the version the form was filled from is kept: sending it again cannot overwrite the other change
                case 409, 412, 428 -> {
                    return editAgain(request, form, true, Response.Status.CONFLICT.getStatusCode());
                }
                default -> throw refused;
            }
            return editAgain(request, form, false, UNPROCESSABLE);
        }
        return Htmx.redirect(headers, URI.create("/requests/" + request.id() + "?done=edited"));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response changeStatus(@PathParam("id") String id, @BeanParam RequestActions form) {
        return act(id, form.forAction("status"), (request, version) -> {
            var body = form.statusChange(time);
            if (body != null) {
                intake.changeStatus(request.id(), version, body);
            }
            return body != null;
        });
    }

    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response verify(@PathParam("id") String id, @BeanParam RequestActions form) {
        return act(id, form.forAction("verification"), (request, version) -> {
            var body = form.verification(time);
            if (body != null) {
                intake.verify(request.id(), version, body);
            }
            return body != null;
        });
    }

    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response assign(@PathParam("id") String id, @BeanParam RequestActions form) {
        return act(id, form.forAction("assignment"), (request, version) -> {
            intake.assign(request.id(), version, form.assignment());
            return true;
        });
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response addNote(@PathParam("id") String id, @BeanParam RequestActions form) {
        return act(id, form.forAction("note"), (request, version) -> {
            var body = form.noteBody();
            if (body != null) {
                // a note changes no field, so it needs no version: it cannot overwrite anyone's change
                intake.addNote(request.id(), body);
            }
            return body != null;
        });
    }

    @POST
    @Path("{id}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ SUPERVISOR_ROLE, PRIVACY_OFFICER_ROLE })
    public Response extend(@PathParam("id") String id, @BeanParam RequestActions form) {
        return act(id, form.forAction("extension"), (request, version) -> {
            var body = form.extension();
            if (body != null) {
                intake.extend(request.id(), version, body);
            }
            return body != null;
        });
    }

    @POST
    @Path("{id}/duplicates/{flagId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, CLINIC_ADMIN_ROLE })
    public Response decideDuplicate(@PathParam("id") String id, @PathParam("flagId") String flagId,
            @RestForm String decision) {
        RequestActions form = new RequestActions().forAction("duplicate");
        Optional<UUID> flag = parse(flagId);
        return act(id, form, (request, version) -> {
            if (flag.isEmpty() || !("confirmed".equals(decision) || "dismissed".equals(decision))) {
                form.problem("Choose Confirm or Dismiss for one of the possible duplicates.");
                return false;
            }
            intake.decideDuplicate(request.id(), flag.get(), decision);
            return true;
        });
    }

    /** A change to a request: the action's values, the API's answer, and what the person sees next. */
    @FunctionalInterface
    interface Change {
        /** Makes the change; false when the form's values could not even be read (messages are set). */
        boolean apply(RequestRecord request, int version);
    }

    private Response act(String id, RequestActions form, Change change) {
        Optional<RequestRecord> current = parse(id).flatMap(intake::request);
        if (current.isEmpty()) {
            return notFound();
        }
        RequestRecord request = current.get();
        int version = form.renderedVersion();
        if (version < 0) {
            // without the version the page showed, the change could overwrite one the person never saw
            version = request.version();
            if (!"note".equals(actionOf(form)) && !"duplicate".equals(actionOf(form))) {
                form.problem("This form did not say which version of the request it was made on. "
                        + "Check the request below and make your change again.");
                return pageAgain(request, form, UNPROCESSABLE);
            }
        }
        int status;
        try {
            if (change.apply(request, version)) {
                return Htmx.redirect(headers, URI.create("/requests/" + request.id() + "?done=" + actionOf(form)));
            }
            status = UNPROCESSABLE;
        } catch (IntakeRefusedException refused) {
            switch (refused.status()) {
                case 400 -> {
                    form.reject(refused.problem());
                    status = UNPROCESSABLE;
                }
                case 409, 412, 428 -> {
                    if (refused.problem().isOutOfDate()) {
                        form.conflict();
                    } else if (refused.problem().isDecisionRequired()) {
                        // no signed decision supports this status: say what is missing, link to the worksheet
                        form.decisionRequired(refused.problem().message());
                    } else {
                        // a rule, not a race: e.g. "HIPAA allows one extension only"
                        form.problem(refused.problem().message());
                    }
                    status = Response.Status.CONFLICT.getStatusCode();
                }
                default -> throw refused;
            }
        } catch (IntakeUnavailableException | FaultToleranceException unavailable) {
            LOG.warnf("A request change failed: %s", unavailable.toString());
            form.problem("We could not reach the request log, so this change may not have been saved. "
                    + "Check the timeline below before sending it again.");
            status = Response.Status.SERVICE_UNAVAILABLE.getStatusCode();
        }
        // the request as it is now; what was typed stays in the refused form
        RequestRecord fresh = intake.request(request.id()).orElse(request);
        return pageAgain(fresh, form, status);
    }

    private static String actionOf(RequestActions form) {
        for (String name : List.of("status", "verification", "assignment", "note", "extension", "duplicate")) {
            if (form.isOpen(name)) {
                return name;
            }
        }
        return "";
    }

    private RequestPage page(RequestRecord request, RequestActions actions, String done, boolean justLogged) {
        List<TimelineLine> lines = new java.util.ArrayList<>(TimelineLine.of(intake.timeline(request.id()), time));
        java.util.Collections.reverse(lines);
        List<DuplicateRow> duplicates = request.possibleDuplicates().stream()
                .map(flag -> new DuplicateRow(flag, flag.duplicateOf() == null ? null
                        : intake.request(flag.duplicateOf()).orElse(null)))
                .toList();
        return new RequestPage(request, duplicates, List.copyOf(lines), actions, done, justLogged);
    }

    private Response pageAgain(RequestRecord request, RequestActions form, int status) {
        RequestPage page = page(request, form, null, false);
        TemplateInstance body = Htmx.wantsFragment(headers) ? Templates.request$content(page) : Templates.request(page);
        return Response.status(status).entity(body).build();
    }

    private Response editAgain(RequestRecord request, RequestForm form, boolean conflict, int status) {
        TemplateInstance body = Htmx.wantsFragment(headers) ? Templates.editRequest$form(request, form, conflict)
                : Templates.editRequest(request, form, conflict);
        return Response.status(status).entity(body).build();
    }

    private static Response notFound() {
        // the same answer for a mistyped link and for another clinic's request
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
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
