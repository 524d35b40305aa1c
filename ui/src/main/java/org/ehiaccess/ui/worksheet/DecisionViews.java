package org.ehiaccess.ui.worksheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.ehiaccess.ui.client.decision.DecisionAssessment;
import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionClient;
import org.ehiaccess.ui.client.decision.DecisionGuidance;
import org.ehiaccess.ui.client.decision.DecisionRefusedException;
import org.ehiaccess.ui.client.decision.DecisionUnavailableException;
import org.ehiaccess.ui.client.intake.IntakeClient;
import org.ehiaccess.ui.client.decision.LetterKind;
import org.ehiaccess.ui.client.decision.LetterRecord;
import org.ehiaccess.ui.client.intake.Manner;
import org.ehiaccess.ui.client.intake.RequestClock;
import org.ehiaccess.ui.client.intake.RequestRecord;
import org.ehiaccess.ui.client.intake.RequestStatus;
import org.ehiaccess.ui.web.ClinicTime;
import org.ehiaccess.ui.security.SignedInUser;
import org.jboss.logging.Logger;

import org.ehiaccess.ui.worksheet.DecisionView.FactGroup;
import org.ehiaccess.ui.worksheet.DecisionView.LetterForm;
import org.ehiaccess.ui.worksheet.DecisionView.ReviewForm;
import org.ehiaccess.ui.worksheet.DecisionView.StatusChoice;
import org.ehiaccess.ui.worksheet.DecisionView.VersionLine;
import org.ehiaccess.ui.worksheet.WorksheetView.AnswerLine;

/**
 * One version of a request's decision as its page shows it, read from both services: the request, the version and
 * every version, the summary of facts, the letters, and decision-service's guidance on what follows (reviewable, the
 * letters that fit, the suggested status and letter, who may review).
 */
@RequestScoped
public class DecisionViews {

    private static final Logger LOG = Logger.getLogger(DecisionViews.class);

    @Inject
    IntakeClient intake;

    @Inject
    DecisionClient decision;

    @Inject
    ClinicTime time;

    @Inject
    SignedInUser user;

    @Inject
    WorksheetViews worksheets;

    record Loaded(RequestRecord request, DecisionAssessment assessment, List<DecisionAssessment> versions) {
    }

    Optional<Loaded> load(String id, String assessmentId) {
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

    DecisionView view(Loaded l, String done, List<String> problems, boolean conflict, String failed,
            LetterForm typed, ReviewForm reviewTyped) {
        DecisionCatalog catalog = decision.catalog();
        DecisionAssessment a = l.assessment();
        Draft draft = Draft.of(a);
        VerdictPanel panel = a.result() == null ? VerdictPanel.message("No verdict was kept with this version.")
                : VerdictPanel.of(a.result(), catalog, draft, worksheets.questions(draft));
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

    /** decision-service's guidance for this version, or null when it cannot be read right now. */
    DecisionGuidance guidance(Loaded l) {
        try {
            return decision.guidance(l.request().id(), l.assessment().id());
        } catch (DecisionRefusedException | DecisionUnavailableException | FaultToleranceException e) {
            LOG.warnf("Reading the decision's guidance failed: %s", e.toString());
            return null;
        }
    }

    static List<FactGroup> facts(DecisionCatalog catalog, DecisionAssessment a) {
        List<AnswerLine> practice = new ArrayList<>();
        practice.add(new AnswerLine("What the clinic does",
                a.practiceType() == null ? "Not chosen" : Labels.value("practice.type", a.practiceType()), null));
        practice.add(new AnswerLine("The basis it relies on",
                a.claimedBasis() == null ? Labels.value("practice.claimed_basis", "none")
                        : Labels.value("practice.claimed_basis", a.claimedBasis()), null));
        practice.add(new AnswerLine("Why",
                a.motives().isEmpty() ? "No reason given"
                        : String.join("; ", a.motives().stream().map(m -> Labels.value("practice.motive", m)).toList()),
                null));
        List<AnswerLine> request = new ArrayList<>();
        List<AnswerLine> analysis = new ArrayList<>();
        // in the catalog's order, which is the order of the law
        for (DecisionCatalog.Fact fact : catalog.facts()) {
            if (!a.facts().containsKey(fact.id()) || fact.id().startsWith("practice.type")
                    || fact.id().equals("practice.claimed_basis") || fact.id().equals("practice.motive")) {
                continue;
            }
            Object value = a.facts().get(fact.id());
            String question = "eval.as_of_date".equals(fact.id()) ? "Date of this analysis"
                    : fact.question() == null ? fact.id() : fact.question();
            AnswerLine line = new AnswerLine(question,
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
}
