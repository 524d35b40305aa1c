package org.ehiaccess.ui.worksheet;

import static org.ehiaccess.ui.security.StaffRole.CLINICIAN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.CLINIC_ADMIN_ROLE;
import static org.ehiaccess.ui.security.StaffRole.COMPLIANCE_LEAD_ROLE;
import static org.ehiaccess.ui.security.StaffRole.FRONT_DESK_ROLE;
import static org.ehiaccess.ui.security.StaffRole.PRIVACY_OFFICER_ROLE;
import static org.ehiaccess.ui.security.StaffRole.SUPERVISOR_ROLE;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.ehiaccess.ui.client.decision.DecisionAssessment;
import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionGuidance;
import org.ehiaccess.ui.client.decision.DecisionQuestions;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.intake.IntakeRefusedException;
import org.ehiaccess.ui.client.intake.IntakeUnavailableException;
import org.ehiaccess.ui.client.decision.LetterKind;
import org.ehiaccess.ui.client.decision.LetterRecord;
import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.intake.RequestChangeBodies;
import org.ehiaccess.ui.client.intake.RequestClock;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.client.intake.RequestStatus;
import org.ehiaccess.ui.web.ClinicTime;
import org.ehiaccess.ui.web.Htmx;
import org.ehiaccess.ui.security.SignedInUser;
import org.ehiaccess.ui.security.StaffRole;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One version of a request's decision: the exception analysis summary (facts, conditions met and unmet with their
 * reasons, obligations, who signed and under which ruleset) that prints cleanly; signing (a privacy officer or a
 * clinician); a change as a new version; the independent review of a reviewable denial by a clinician who took no
 * part in it, with its own clock; the request's status and clocks after the decision; and the letters.
 */
@Path("/requests/{id}/decisions/{assessmentId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ FRONT_DESK_ROLE, CLINICIAN_ROLE, PRIVACY_OFFICER_ROLE, SUPERVISOR_ROLE, COMPLIANCE_LEAD_ROLE,
        CLINIC_ADMIN_ROLE })
public class DecisionPages {

    private static final Logger LOG = Logger.getLogger(DecisionPages.class);

    static final Map<String, String> DONE = Map.of(
            "signed", "The decision was signed. It is locked: a change makes a new version.",
            "status", "The request's status was changed.",
            "review-requested", "The review was requested. Its clock runs on the request.",
            "reviewed", "The review was recorded.",
            "letter", "The letter was generated and kept with the request.",
            "sent", "The letter was marked as sent.");

    /** A group of answered facts for the summary. */
    public record FactGroup(String title, List<WorksheetPages.AnswerLine> lines) {
    }

    /** A status the request can move to after the decision. */
    public record StatusChoice(String wire, String label, boolean suggested) {
    }

    public record DecisionView(RequestRecord request, DecisionAssessment assessment, List<DecisionAssessment> versions,
            VerdictPanel panel, List<FactGroup> facts, List<LetterRecord> letters, String lettersProblem,
            boolean canSign, boolean canChange, boolean canRequestReview, boolean canReview, boolean reviewable,
            String reviewNote, RequestClock reviewClock, List<StatusChoice> statusChoices, List<Manner> manners,
            String suggestedLetter, List<DecisionGuidance.LetterChoice> letterKinds,
            List<LetterKind.SendChannel> channels, String idempotencyKey, String done, List<String> problems,
            boolean conflict, String failed, LetterForm letterForm, boolean latest, String today, String signerRole,
            boolean canAct, List<VersionLine> versionLines, String intakeUpdate, DecisionGuidance guidance,
            ReviewForm reviewForm) {

        public String base() {
            return "/requests/" + request.id() + "/decisions/" + assessment.id();
        }

        public boolean hasProblems() {
            return !problems.isEmpty() || conflict;
        }

        public boolean failed(String form) {
            return form.equals(failed);
        }
    }

    /** One version in the list of versions. */
    public record VersionLine(int version, String href, String verdict, String signedBy, boolean current) {
    }

    /** What was typed into the letter form. */
    public record LetterForm(String kind, String recipientName, String recipientAddress) {
    }

    /** What was typed into the review form, kept on any refusal. */
    public record ReviewForm(String outcome, String reasons) {

        static final ReviewForm EMPTY = new ReviewForm(null, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance decision(DecisionView view);

        static native TemplateInstance decision$content(DecisionView view);

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
    public Response page(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @QueryParam("done") String done) {
        Optional<Loaded> loaded = load(id, assessmentId);
        if (loaded.isEmpty()) {
            return notFound();
        }
        return Response.ok(render(loaded.get(), DONE.get(done == null ? "" : done), List.of(), false, null, null)).build();
    }

    @POST
    @Path("signature")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE })
    public Response sign(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String etag, @RestForm String confirm) {
        Optional<Loaded> found = load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        if (!"yes".equals(confirm)) {
            return again(l, List.of("Confirm that you have checked the facts and every condition before signing."),
                    false, "sign", 422, null);
        }
        try {
            // decision-service brings the request log along (note, 171.204(b) clock): the ui sends none of it
            decision.sign(l.request().id(), l.assessment().id(), blankToNull(etag));
        } catch (DecisionRefusedException refused) {
            return refused(l, refused, "sign");
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "sign");
        }
        return done(l, "signed");
    }

    /** After a signed decision: the request's status follows (denied, partially fulfilled, ...). */
    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE })
    public Response changeStatus(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String status, @RestForm String mannerUsed, @RestForm String version, @RestForm String note) {
        Optional<Loaded> found = load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        int rendered;
        try {
            rendered = Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return again(l, List.of("This form did not say which version of the request it was made on. Reload the page."),
                    false, "status", 422, null);
        }
        if (status == null || status.isBlank()) {
            return again(l, List.of("Choose the request's new status."), false, "status", 422, null);
        }
        boolean fulfilled = "fulfilled".equals(status) || "partially_fulfilled".equals(status);
        if (fulfilled && (mannerUsed == null || mannerUsed.isBlank())) {
            return again(l, List.of("Say how the information was provided."), false, "status", 422, null);
        }
        String text = note == null || note.isBlank()
                ? "Decision version " + l.assessment().version() + ": " + Labels.verdict(l.assessment().verdict())
                : note.strip();
        try {
            intake.changeStatus(l.request().id(), rendered, new RequestChangeBodies.StatusChange(status, null,
                    fulfilled ? mannerUsed : null, null, text));
        } catch (IntakeRefusedException refused) {
            if (refused.status() == 409 || refused.status() == 412 || refused.status() == 428) {
                Loaded fresh = load(id, assessmentId).orElse(l);
                return again(fresh, refused.problem().isOutOfDate() ? List.of() : List.of(refused.problem().message()),
                        refused.problem().isOutOfDate(), "status", 409, null);
            }
            if (refused.status() == 400) {
                return again(l, refused.problem().errors().stream().map(e -> e.message()).toList().isEmpty()
                        ? List.of(String.valueOf(refused.problem().detail()))
                        : refused.problem().errors().stream().map(e -> e.field() + ": " + e.message()).toList(),
                        false, "status", 422, null);
            }
            throw refused;
        } catch (IntakeUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "status");
        }
        return done(l, "status");
    }

    @POST
    @Path("review-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE })
    public Response requestReview(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String note) {
        Optional<Loaded> found = load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        try {
            // decision-service starts the review's clock (164.524(a)(4)) and puts the note on the request's timeline
            decision.requestReview(l.request().id(), l.assessment().id(), note);
        } catch (DecisionRefusedException refused) {
            return refused(l, refused, "review-request");
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "review-request");
        }
        return done(l, "review-requested");
    }

    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ CLINICIAN_ROLE })
    public Response review(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String outcome, @RestForm String reasons) {
        Optional<Loaded> found = load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        List<String> problems = new ArrayList<>();
        if (!"upheld".equals(outcome) && !"reversed".equals(outcome)) {
            problems.add("Choose whether the denial is upheld or reversed.");
        }
        if (reasons == null || reasons.isBlank()) {
            problems.add("Give the reasons for the outcome: the individual is told them in writing.");
        }
        ReviewForm typed = new ReviewForm(outcome, reasons);
        if (!problems.isEmpty()) {
            return again(l, problems, false, "review", 422, null, typed);
        }
        try {
            // decision-service marks the review's clock met on the request
            decision.review(l.request().id(), l.assessment().id(), outcome, reasons.strip());
        } catch (DecisionRefusedException refused) {
            return refused(l, refused, "review", null, typed);
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "review", typed);
        }
        return done(l, "reviewed");
    }

    @POST
    @Path("letters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ PRIVACY_OFFICER_ROLE, CLINICIAN_ROLE, SUPERVISOR_ROLE })
    public Response generateLetter(@PathParam("id") String id, @PathParam("assessmentId") String assessmentId,
            @RestForm String kind, @RestForm String recipientName, @RestForm String recipientAddress,
            @RestForm String idempotencyKey) {
        Optional<Loaded> found = load(id, assessmentId);
        if (found.isEmpty()) {
            return notFound();
        }
        Loaded l = found.get();
        LetterForm typed = new LetterForm(kind, recipientName, recipientAddress);
        List<String> problems = new ArrayList<>();
        if (java.util.Arrays.stream(LetterKind.values()).noneMatch(k -> k.wire().equals(kind))) {
            problems.add("Choose which letter to write.");
        } else if (l.assessment().signed()) {
            // decision-service says which letters fit this decision; this page offers only those
            DecisionGuidance guidance = guidance(l);
            if (guidance != null && !guidance.fits(kind)) {
                problems.add(guidance.otherLetterKinds().stream().filter(k -> k.kind().equals(kind)).findFirst()
                        .map(DecisionGuidance.LetterRefusal::reason)
                        .orElse("This letter does not fit the decision. Choose one of the letters offered."));
            }
        }
        if (recipientName == null || recipientName.isBlank()) {
            problems.add("Enter the recipient's name.");
        }
        if (!l.assessment().signed()) {
            problems.add("Letters are written from a signed decision. Sign it first.");
        }
        if (!problems.isEmpty()) {
            return again(l, problems, false, "letter", 422, typed);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("recipientName", recipientName.strip());
        body.put("recipientAddress", recipientAddress == null ? "" : recipientAddress.strip());
        LetterRecord letter;
        try {
            String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
            letter = decision.createLetter(l.request().id(), l.assessment().id(), key, body);
        } catch (DecisionRefusedException refused) {
            if (refused.status() == 404 || refused.status() == 405) {
                return again(l, List.of("Letters cannot be generated here yet: the decision service does not offer them."),
                        false, "letter", 503, typed);
            }
            return refused(l, refused, "letter", typed);
        } catch (DecisionUnavailableException | FaultToleranceException unavailable) {
            return unavailable(l, unavailable, "letter");
        }
        return redirect(URI.create("/requests/" + l.request().id() + "/letters/" + letter.id() + "?done=letter"));
    }

    // --- rendering and reading ----------------------------------------------------------------------

    record Loaded(RequestRecord request, DecisionAssessment assessment, List<DecisionAssessment> versions) {
    }

    private Optional<Loaded> load(String id, String assessmentId) {
        Optional<UUID> aid = WorksheetPages.parse(assessmentId);
        Optional<RequestRecord> request = WorksheetPages.parse(id).flatMap(intake::request);
        if (request.isEmpty() || aid.isEmpty()) {
            return Optional.empty();
        }
        Optional<DecisionAssessment> assessment = decision.assessment(request.get().id(), aid.get());
        if (assessment.isEmpty()) {
            return Optional.empty();
        }
        List<DecisionAssessment> versions = new ArrayList<>(decision.assessments(request.get().id()));
        versions.sort(Comparator.comparingInt(DecisionAssessment::version));
        return Optional.of(new Loaded(request.get(), assessment.get(), List.copyOf(versions)));
    }

    private Response again(Loaded l, List<String> problems, boolean conflict, String failed, int status, LetterForm typed) {
        return again(l, problems, conflict, failed, status, typed, null);
    }

    private Response again(Loaded l, List<String> problems, boolean conflict, String failed, int status, LetterForm typed,
            ReviewForm review) {
        return Response.status(status).entity(render(l, null, problems, conflict, failed, typed, review)).build();
    }

    private Response refused(Loaded l, DecisionRefusedException refused, String failed) {
        return refused(l, refused, failed, null);
    }

    private Response refused(Loaded l, DecisionRefusedException refused, String failed, LetterForm typed) {
        return refused(l, refused, failed, typed, null);
    }

    private Response refused(Loaded l, DecisionRefusedException refused, String failed, LetterForm typed,
            ReviewForm review) {
        int status = refused.status();
        if (status == 404 || status == 405) {
            return again(l, List.of("This step is not available yet: the decision service does not offer it."), false,
                    failed, 503, typed, review);
        }
        if (status == 401 || status == 403) {
            return again(l, List.of("Your role cannot do this. " + (refused.problem().detail() == null ? ""
                    : refused.problem().detail())), false, failed, 403, typed, review);
        }
        if (status == 409 || status == 412 || status == 428) {
            Loaded fresh = load(l.request().id().toString(), l.assessment().id().toString()).orElse(l);
            return again(fresh, refused.problem().isOutOfDate() ? List.of() : List.of(refused.problem().message()),
                    refused.problem().isOutOfDate(), failed, 409, typed, review);
        }
        if (status == 400 || status == 422) {
            List<String> problems = new ArrayList<>();
            if (refused.problem().detail() != null) {
                problems.add(refused.problem().detail());
            }
            refused.problem().errors().forEach(e -> problems.add(e.field() + ": " + e.message()));
            if (problems.isEmpty()) {
                problems.add(refused.problem().title());
            }
            return again(l, problems, false, failed, 422, typed, review);
        }
        throw refused;
    }

    private Response unavailable(Loaded l, RuntimeException unavailable, String failed) {
        return unavailable(l, unavailable, failed, null);
    }

    private Response unavailable(Loaded l, RuntimeException unavailable, String failed, ReviewForm review) {
        LOG.warnf("A decision change failed: %s", unavailable.toString());
        return again(l, List.of("We could not reach the service, so this may not have been saved. "
                + "Check the page below before trying again."), false, failed, 503, null, review);
    }

    private Response done(Loaded l, String what) {
        return redirect(URI.create("/requests/" + l.request().id() + "/decisions/" + l.assessment().id() + "?done=" + what));
    }

    private Response redirect(URI target) {
        if (Htmx.isHtmx(headers)) {
            return Response.noContent().header(Htmx.REDIRECT, target.toString()).build();
        }
        return Response.seeOther(target).build();
    }

    private TemplateInstance render(Loaded l, String done, List<String> problems, boolean conflict, String failed,
            LetterForm typed) {
        return render(l, done, problems, conflict, failed, typed, null);
    }

    private TemplateInstance render(Loaded l, String done, List<String> problems, boolean conflict, String failed,
            LetterForm typed, ReviewForm review) {
        DecisionView view = view(l, done, problems, conflict, failed, typed, review);
        return Htmx.wantsFragment(headers) ? Templates.decision$content(view) : Templates.decision(view);
    }

    private DecisionView view(Loaded l, String done, List<String> problems, boolean conflict, String failed,
            LetterForm typed, ReviewForm reviewTyped) {
        DecisionCatalog catalog = decision.catalog();
        DecisionAssessment a = l.assessment();
        Draft draft = Draft.of(a);
        VerdictPanel panel = a.result() == null ? VerdictPanel.message("No verdict was kept with this version.")
                : VerdictPanel.of(a.result(), catalog, draft, questions(draft));
        List<LetterRecord> letters = List.of();
        String lettersProblem = null;
        try {
            letters = decision.letters(l.request().id()).stream()
                    .filter(letter -> letter.assessmentId() == null || letter.assessmentId().equals(a.id())).toList();
        } catch (DecisionRefusedException e) {
            lettersProblem = e.status() == 404 || e.status() == 405
                    ? "Letters are not available yet: the decision service does not offer them."
                    : "The letters could not be read (" + e.problem().title() + ").";
        } catch (DecisionUnavailableException | FaultToleranceException e) {
            lettersProblem = "The letters could not be read right now.";
        }
        // reviewable, the letters that fit, the suggested status and letter, who may review: decision-service says
        DecisionGuidance guidance = guidance(l);
        if (guidance == null) {
            guidance = new DecisionGuidance(a.signed(), a.verdict(), false, false, null, null, false, List.of(),
                    List.of(), null, null, null, null);
            lettersProblem = lettersProblem != null ? lettersProblem
                    : "Which letters fit this decision could not be read right now; try again shortly.";
        }
        // offered only what the services' permission table allows this person
        boolean signer = user.can("decision:sign");
        boolean editor = user.can("assessment:create");
        boolean latest = l.versions().isEmpty() || l.versions().get(l.versions().size() - 1).id().equals(a.id());
        boolean reviewable = guidance.reviewable();
        DecisionGuidance.Reviewer reviewer = guidance.reviewer();
        String reviewNote = null;
        if (reviewable && a.reviewRequested() && !a.reviewDecided() && !reviewer.eligible()) {
            reviewNote = "Who may review: " + (reviewer.whoMayReview() == null ? "" : reviewer.whoMayReview())
                    + (reviewer.whyNot() == null ? "" : " " + reviewer.whyNot());
        }
        RequestClock reviewClock = l.request().clocks().stream().filter(c -> "denial_review".equals(c.kind()))
                .findFirst().orElse(null);
        String chosen = guidance.suggestedStatus() == null ? "in_review" : guidance.suggestedStatus();
        List<StatusChoice> choices = RequestStatus.settable().stream().filter(s -> s != l.request().status())
                .map(s -> new StatusChoice(s.wire(), s.label(), s.wire().equals(chosen))).toList();
        String suggestedLetter = guidance.suggestedLetter() != null ? guidance.suggestedLetter()
                : guidance.letterKinds().isEmpty() ? null : guidance.letterKinds().get(0).kind();
        LetterForm letterForm = typed != null ? typed
                : new LetterForm(suggestedLetter, l.request().requesterName(), l.request().requesterContact());
        return new DecisionView(l.request(), a, l.versions(), panel, facts(catalog, a), letters, lettersProblem,
                signer && !a.signed(), editor && a.signed() && latest,
                user.can("review:request") && guidance.reviewRequestable(),
                reviewer.eligible(),
                reviewable, reviewNote, reviewClock, choices, List.of(Manner.values()), suggestedLetter,
                guidance.letterKinds(), LetterKind.CHANNELS, UUID.randomUUID().toString(), done,
                List.copyOf(problems), conflict, failed, letterForm, latest, time.today().toString(),
                "privacy officer", editor,
                l.versions().stream().map(v -> new VersionLine(v.version(),
                        "/requests/" + l.request().id() + "/decisions/" + v.id(), Labels.verdict(v.verdict()),
                        v.signedBy(), v.id().equals(a.id()))).toList(),
                decision.intakeUpdates(l.request().id()).filter(u -> !u.applied()).map(u -> u.message()).orElse(null),
                guidance, reviewTyped == null ? ReviewForm.EMPTY : reviewTyped);
    }

    /** Which questions decision-service says apply to these answers; nothing hidden when it cannot say. */
    private DecisionQuestions questions(Draft draft) {
        try {
            return decision.questions(draft.answers());
        } catch (DecisionRefusedException | DecisionUnavailableException | FaultToleranceException e) {
            LOG.warnf("Asking which questions apply failed: %s", e.toString());
            return DecisionQuestions.UNKNOWN;
        }
    }

    /** decision-service's guidance for this version, or null when it cannot be read right now. */
    private DecisionGuidance guidance(Loaded l) {
        try {
            return decision.guidance(l.request().id(), l.assessment().id());
        } catch (DecisionRefusedException | DecisionUnavailableException | FaultToleranceException e) {
            LOG.warnf("Reading the decision's guidance failed: %s", e.toString());
            return null;
        }
    }

    static List<FactGroup> facts(DecisionCatalog catalog, DecisionAssessment a) {
        List<WorksheetPages.AnswerLine> practice = new ArrayList<>();
        practice.add(new WorksheetPages.AnswerLine("What the clinic does",
                a.practiceType() == null ? "Not chosen" : Labels.value("practice.type", a.practiceType()), null));
        practice.add(new WorksheetPages.AnswerLine("The basis it relies on",
                a.claimedBasis() == null ? Labels.value("practice.claimed_basis", "none")
                        : Labels.value("practice.claimed_basis", a.claimedBasis()), null));
        practice.add(new WorksheetPages.AnswerLine("Why",
                a.motives().isEmpty() ? "No reason given"
                        : String.join("; ", a.motives().stream().map(m -> Labels.value("practice.motive", m)).toList()),
                null));
        List<WorksheetPages.AnswerLine> request = new ArrayList<>();
        List<WorksheetPages.AnswerLine> analysis = new ArrayList<>();
        // in the catalog's order, which is the order of the law
        for (DecisionCatalog.Fact fact : catalog.facts()) {
            if (!a.facts().containsKey(fact.id()) || fact.id().startsWith("practice.type")
                    || fact.id().equals("practice.claimed_basis") || fact.id().equals("practice.motive")) {
                continue;
            }
            Object value = a.facts().get(fact.id());
            String question = "eval.as_of_date".equals(fact.id()) ? "Date of this analysis"
                    : fact.question() == null ? fact.id() : fact.question();
            WorksheetPages.AnswerLine line = new WorksheetPages.AnswerLine(question,
                    WorksheetPlan.answerText(fact.id(), fact.type(), value), fact.cfr());
            if (fact.id().startsWith("request.") || fact.id().startsWith("eval.")) {
                request.add(line);
            } else {
                analysis.add(line);
            }
        }
        List<FactGroup> groups = new ArrayList<>();
        groups.add(new FactGroup("What the clinic does", List.copyOf(practice)));
        if (!request.isEmpty()) {
            groups.add(new FactGroup("The request", List.copyOf(request)));
        }
        if (!analysis.isEmpty()) {
            groups.add(new FactGroup("The facts found", List.copyOf(analysis)));
        }
        return List.copyOf(groups);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
