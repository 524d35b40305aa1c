package org.ehiaccess.ui.worksheet;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.decision.LetterKind;
import org.ehiaccess.ui.client.decision.LetterSettings;
import org.ehiaccess.ui.client.decision.LetterTemplate;
import org.ehiaccess.ui.security.SignedInUser;
import org.ehiaccess.ui.web.InPageProblem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What the clinic's letters say: its name, address and privacy contact (every denial must say how to complain, to
 * whom, with a phone number: 164.524(d)(2)(iii)), and one template per kind of letter. Every clinic role reads them;
 * the clinic administrator changes them (If-Match).
 */
@Path("/settings/letters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class LetterSettingsPages {

    private static final Logger LOG = Logger.getLogger(LetterSettingsPages.class);

    /** The settings form's fields. */
    public static class SettingsForm {
        @RestForm
        public String etag;
        @RestForm
        public String clinicName;
        @RestForm
        public String address;
        @RestForm
        public String privacyContactName;
        @RestForm
        public String privacyContactTitle;
        @RestForm
        public String privacyContactPhone;
        @RestForm
        public String privacyContactEmail;

        LetterSettings toSettings() {
            return new LetterSettings(strip(clinicName), strip(address), strip(privacyContactName),
                    strip(privacyContactTitle), strip(privacyContactPhone), strip(privacyContactEmail), etag);
        }
    }

    public record LettersView(LetterSettings settings, boolean settingsAvailable, List<LetterTemplate> templates,
            boolean templatesAvailable, boolean canEdit, String done, List<String> problems, boolean conflict,
            String failed) {

        public boolean hasProblems() {
            return !problems.isEmpty() || conflict;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letters(LettersView view);
    }

    @Inject
    DecisionClient decision;

    @Inject
    SignedInUser user;

    @GET
    public Response page(@QueryParam("done") String done) {
        String message = "settings".equals(done) ? "The letter settings were saved."
                : done != null && done.startsWith("template-") ? "The " + LetterKind.labelOf(done.substring(9)).toLowerCase()
                        + " template was saved." : null;
        return Response.ok(Templates.letters(view(null, null, message, List.of(), false, null))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(CLINIC_ADMIN_ROLE)
    public Response saveSettings(@BeanParam SettingsForm form) {
        LetterSettings typed = form.toSettings();
        List<String> problems = new ArrayList<>();
        if (typed.clinicName() == null) {
            problems.add("Enter the clinic's name.");
        }
        if (typed.privacyContactPhone() == null) {
            problems.add("Enter the privacy contact's phone number: a denial must give it (164.524(d)(2)(iii)).");
        }
        if (typed.privacyContactName() == null && typed.privacyContactTitle() == null) {
            problems.add("Enter the privacy contact's name or title.");
        }
        if (!problems.isEmpty()) {
            return Response.status(422).entity(Templates.letters(view(typed, null, null, problems, false, "settings"))).build();
        }
        try {
            decision.saveLetterSettings(strip(form.etag), typed);
        } catch (DecisionRefusedException refused) {
            return refused(refused, typed, null, "settings");
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(unavailable, typed, null, "settings");
        }
        return Response.seeOther(URI.create("/settings/letters?done=settings")).build();
    }

    @POST
    @Path("templates/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(CLINIC_ADMIN_ROLE)
    public Response saveTemplate(@PathParam("kind") String kind, @RestForm String etag, @RestForm String subject,
            @RestForm String body) {
        if (Arrays.stream(LetterKind.values()).noneMatch(k -> k.wire().equals(kind))) {
            return Response.status(404).entity(Templates.letters(view(null, null, null,
                    List.of("There is no letter template of that kind."), false, null))).build();
        }
        LetterTemplate typed = new LetterTemplate(kind, strip(subject), body == null ? null : body.strip(), etag);
        if (typed.subject() == null || typed.body() == null || typed.body().isBlank()) {
            return Response.status(422).entity(Templates.letters(view(null, typed, null,
                    List.of("The " + LetterKind.labelOf(kind).toLowerCase() + " template needs a subject and a body."),
                    false, "template-" + kind))).build();
        }
        try {
            decision.saveLetterTemplate(kind, strip(etag), typed);
        } catch (DecisionRefusedException refused) {
            return refused(refused, null, typed, "template-" + kind);
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(unavailable, null, typed, "template-" + kind);
        }
        return Response.seeOther(URI.create("/settings/letters?done=template-" + kind)).build();
    }

    private Response refused(DecisionRefusedException refused, LetterSettings settings, LetterTemplate template, String failed) {
        InPageProblem problem = refused.isConflict() ? new InPageProblem(List.of(), true, 409)
                : refused.status() == 404 || refused.status() == 405
                        ? InPageProblem.notOffered("The decision service does not offer letter settings yet; nothing was saved.")
                        : InPageProblem.of(refused);
        return Response.status(problem.status()).entity(Templates.letters(view(settings, template, null,
                problem.messages(), problem.outOfDate(), failed))).build();
    }

    private Response unavailable(RuntimeException unavailable, LetterSettings settings, LetterTemplate template, String failed) {
        LOG.warnf("Saving letter settings failed: %s", unavailable.toString());
        return Response.status(503).entity(Templates.letters(view(settings, template, null,
                List.of("We could not reach the decision service; nothing was saved. Try again."), false, failed))).build();
    }

    /** The page, with what was typed into a refused form in place of what is stored. */
    private LettersView view(LetterSettings typedSettings, LetterTemplate typedTemplate, String done, List<String> problems,
            boolean conflict, String failed) {
        Optional<LetterSettings> settings = Optional.empty();
        Optional<List<LetterTemplate>> templates = Optional.empty();
        try {
            settings = decision.letterSettings();
            templates = decision.letterTemplates();
        } catch (DecisionRefusedException | DecisionUnavailableException | FaultToleranceException e) {
            LOG.debugf("Letter settings could not be read: %s", e.toString());
        }
        List<LetterTemplate> byKind = new ArrayList<>();
        for (LetterKind kind : LetterKind.values()) {
            if (typedTemplate != null && typedTemplate.kind().equals(kind.wire())) {
                byKind.add(typedTemplate);
                continue;
            }
            LetterTemplate stored = templates.orElse(List.of()).stream().filter(t -> kind.wire().equals(t.kind()))
                    .findFirst().orElse(null);
            if (stored != null && stored.etag() == null) {
                // the list has no ETags: read the template itself for its version
                try {
                    stored = decision.letterTemplate(kind.wire()).orElse(stored);
                } catch (RuntimeException e) {
                    LOG.debugf("Template %s could not be read: %s", kind, e.toString());
                }
            }
            byKind.add(stored != null ? stored : new LetterTemplate(kind.wire(), "", "", null));
        }
        LetterSettings shown = typedSettings != null ? typedSettings
                : settings.orElse(new LetterSettings(null, null, null, null, null, null, null));
        return new LettersView(shown, settings.isPresent(), List.copyOf(byKind), templates.isPresent(),
                user.can("letter-settings:edit"), done, List.copyOf(problems), conflict, failed);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
