package org.ehiaccess.ui.worksheet;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.decision.LetterKind;
import org.ehiaccess.ui.client.decision.LetterRecord;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.web.ClinicTime;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A letter kept with a request: shown in the page (its HTML, made safe), downloaded as the PDF decision-service
 * made, and marked as sent with the channel and the date. The browser never talks to decision-service.
 */
@Path("/requests/{id}/letters/{letterId}")
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class LetterPages {

    private static final Logger LOG = Logger.getLogger(LetterPages.class);

    static final Map<String, String> DONE = Map.of(
            "letter", "The letter was generated and kept with the request. Check it, then send it and mark it sent.",
            "sent", "The letter was marked as sent.");

    public record LetterView(RequestRecord request, LetterRecord letter, String html, String done, List<String> problems,
            List<LetterKind.SendChannel> channels, String today, boolean canMarkSent, String channel, String sentOn) {

        public String base() {
            return "/requests/" + request.id() + "/letters/" + letter.id();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letter(LetterView view);

        static native TemplateInstance notFound();
    }

    @Inject
    IntakeClient intake;

    @Inject
    DecisionClient decision;

    @Inject
    ClinicTime time;

    @Inject
    SignedInUser user;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id, @PathParam("letterId") String letterId, @QueryParam("done") String done) {
        Optional<Loaded> loaded = load(id, letterId);
        if (loaded.isEmpty()) {
            return notFound();
        }
        return Response.ok(Templates.letter(view(loaded.get(), DONE.get(done == null ? "" : done), List.of(), null, null)))
                .build();
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        Optional<Loaded> loaded = load(id, letterId);
        if (loaded.isEmpty()) {
            return notFound();
        }
        LetterRecord letter = loaded.get().letter();
        byte[] pdf = decision.letterPdf(loaded.get().request().id(), letter.id());
        String name = "letter-" + letter.kind() + "-" + letter.id().toString().substring(0, 8) + ".pdf";
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @POST
    @Path("sent")
    @Produces(MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE, FRONT_DESK_ROLE })
    public Response markSent(@PathParam("id") String id, @PathParam("letterId") String letterId,
            @RestForm String channel, @RestForm String sentOn) {
        Optional<Loaded> loaded = load(id, letterId);
        if (loaded.isEmpty()) {
            return notFound();
        }
        Loaded l = loaded.get();
        boolean knownChannel = LetterKind.CHANNELS.stream().anyMatch(c -> c.wire().equals(channel));
        LocalDate day = null;
        try {
            day = sentOn == null || sentOn.isBlank() ? null : LocalDate.parse(sentOn.strip());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (!knownChannel || day == null || day.isAfter(time.today())) {
            List<String> problems = new java.util.ArrayList<>();
            if (!knownChannel) {
                problems.add("Choose how the letter was sent.");
            }
            if (day == null) {
                problems.add("Enter the day it was sent, for example " + time.today() + ".");
            } else if (day.isAfter(time.today())) {
                problems.add("The day it was sent cannot be in the future.");
            }
            return Response.status(422).entity(Templates.letter(view(l, null, problems, channel, sentOn))).build();
        }
        try {
            decision.markSent(l.request().id(), l.letter().id(), channel, day.toString());
        } catch (DecisionRefusedException refused) {
            if (refused.status() >= 400 && refused.status() < 500 && refused.status() != 401 && refused.status() != 403) {
                String detail = refused.problem().detail() != null ? refused.problem().detail() : refused.problem().title();
                return Response.status(refused.status() == 409 ? 409 : 422)
                        .entity(Templates.letter(view(l, null, List.of(detail), channel, sentOn))).build();
            }
            throw refused;
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            LOG.warnf("Marking a letter sent failed: %s", unavailable.toString());
            return Response.status(503).entity(Templates.letter(view(l, null,
                    List.of("We could not reach the decision service; the letter was not marked as sent. Try again."),
                    channel, sentOn))).build();
        }
        return Htmx.redirect(headers,
                URI.create("/requests/" + l.request().id() + "/letters/" + l.letter().id() + "?done=sent"));
    }

    record Loaded(RequestRecord request, LetterRecord letter) {
    }

    private Optional<Loaded> load(String id, String letterId) {
        Optional<UUID> lid = WorksheetPages.parse(letterId);
        Optional<RequestRecord> request = WorksheetPages.parse(id).flatMap(intake::request);
        if (request.isEmpty() || lid.isEmpty()) {
            return Optional.empty();
        }
        try {
            return decision.letter(request.get().id(), lid.get()).map(letter -> new Loaded(request.get(), letter));
        } catch (DecisionRefusedException e) {
            if (e.status() == 405) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private LetterView view(Loaded l, String done, List<String> problems, String channel, String sentOn) {
        String html;
        try {
            html = LetterHtml.sanitize(decision.letterHtml(l.request().id(), l.letter().id()));
        } catch (RuntimeException e) {
            LOG.warnf("Reading a letter's HTML failed: %s", e.toString());
            html = "<p>The letter's text could not be read right now. The PDF may still be downloaded.</p>";
        }
        boolean canMarkSent = user.can("letter:send");
        return new LetterView(l.request(), l.letter(), html, done, List.copyOf(problems), LetterKind.CHANNELS,
                time.today().toString(), canMarkSent, channel, sentOn);
    }

    static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE).entity(Templates.notFound()).build();
    }
}
