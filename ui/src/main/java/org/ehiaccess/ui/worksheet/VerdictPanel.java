package org.ehiaccess.ui.worksheet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.decision.DecisionQuestions;
import org.ehiaccess.ui.client.decision.DecisionVerdict;

/**
 * The verdict beside the worksheet, and in the exception analysis summary: the verdict in plain words, the conditions
 * met, unmet and still open (each with its CFR paragraph, its reason and, for a U-marked condition, the note to have
 * counsel review it), the obligations with their due dates, the HIPAA track, what must be documented.
 */
public record VerdictPanel(String verdict, String headline, String tone, List<String> exceptions, String summary,
        List<ConditionLine> met, List<ConditionLine> unmet, List<ConditionLine> open, List<ConditionLine> otherUnmet,
        List<ObligationLine> obligations, String hipaaStatus, String hipaaStatusLabel, List<String> hipaaIssues,
        List<String> documentation, List<String> warnings, List<String> missing, String ruleset, String message) {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

    /** A condition as the panel shows it. */
    public record ConditionLine(String id, String title, String cfr, String reason, boolean unverified) {
    }

    /** A duty with its due date and where it stands. */
    public record ObligationLine(String id, String label, String cfr, String dueIso, String dueText, String status,
            String statusLabel) {

        public boolean missed() {
            return "missed".equals(status);
        }

        public boolean met() {
            return "met".equals(status);
        }
    }

    public boolean hasVerdict() {
        return verdict != null;
    }

    public boolean hipaaShown() {
        return hipaaStatus != null && !"not_applicable".equals(hipaaStatus);
    }

    /** No verdict: only a message (nothing chosen yet, or the service could not answer). */
    static VerdictPanel message(String message) {
        return new VerdictPanel(null, null, "none", List.of(), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), null, null, List.of(), List.of(), List.of(), List.of(), null, message);
    }

    static VerdictPanel of(DecisionVerdict v, DecisionCatalog catalog, Draft draft, DecisionQuestions asked) {
        List<String> exceptions = v.exceptionIds().stream()
                .map(id -> catalog.exception(id).map(DecisionCatalog.ExceptionRule::label).orElse(id)).toList();
        List<ConditionLine> met = new ArrayList<>();
        for (String id : v.satisfiedConditions()) {
            Optional<DecisionCatalog.Condition> c = catalog.condition(id);
            met.add(new ConditionLine(id, c.map(DecisionCatalog.Condition::title).orElse(id),
                    c.map(DecisionCatalog.Condition::cfr).orElse(""),
                    c.map(DecisionCatalog.Condition::requirement).orElse(""),
                    c.map(DecisionCatalog.Condition::unverified).orElse(false)));
        }
        List<ConditionLine> unmet = lines(v.unmetConditions(), catalog);
        List<ConditionLine> otherUnmet = lines(v.otherCandidatesUnmet(), catalog);
        Set<String> decided = new LinkedHashSet<>(v.satisfiedConditions());
        v.unmetConditions().forEach(u -> decided.add(u.condition()));
        List<ConditionLine> open = new ArrayList<>();
        if ("needs_more_facts".equals(v.verdict())) {
            Set<String> missing = Set.copyOf(v.missingFacts());
            for (DecisionCatalog.Condition c : WorksheetPlan.focus(catalog, draft, v)) {
                if (decided.contains(c.id()) || asked.condition(c.id()).notAsked()) {
                    continue;
                }
                List<String> needs = new ArrayList<>();
                for (DecisionCatalog.Question q : c.questions()) {
                    if (missing.contains(q.fact()) && !needs.contains(q.question())) {
                        needs.add(q.question());
                    }
                }
                for (String fact : c.facts()) {
                    if (missing.contains(fact)) {
                        catalog.fact(fact).map(DecisionCatalog.Fact::question).filter(q -> q != null && !needs.contains(q))
                                .ifPresent(needs::add);
                    }
                }
                open.add(new ConditionLine(c.id(), c.title(), c.cfr(),
                        needs.isEmpty() ? c.requirement() : "Still to answer: " + String.join(" ", needs), c.unverified()));
            }
        }
        List<String> missing = v.missingFacts().stream()
                .map(f -> catalog.fact(f).map(DecisionCatalog.Fact::question).filter(q -> q != null).orElse(f)).toList();
        List<ObligationLine> obligations = v.obligations().stream().map(VerdictPanel::obligation).toList();
        String hipaa = v.hipaa() == null ? null : v.hipaa().status();
        return new VerdictPanel(v.verdict(), Labels.verdict(v.verdict()), tone(v.verdict()), exceptions,
                summary(v, exceptions, draft), List.copyOf(met), unmet, List.copyOf(open), otherUnmet, obligations, hipaa,
                Labels.hipaaStatus(hipaa), v.hipaa() == null ? List.of() : v.hipaa().issues(),
                v.documentationRequired(), v.warnings(), missing, v.ruleset(), null);
    }

    /** One plain sentence under the verdict; the engine's own summary names facts by their IDs. */
    static String summary(DecisionVerdict v, List<String> exceptions, Draft draft) {
        if (v.verdict() == null) {
            return null;
        }
        return switch (v.verdict()) {
            case "covered" -> "The practice meets every condition of " + String.join(" and ", exceptions) + ".";
            case "required_by_law" -> "A law requires this practice" + (draft.has("law.citation")
                    ? " (" + draft.get("law.citation") + ")" : "")
                    + ". Withhold or delay only what that law requires, for as long as it requires.";
            case "not_covered" -> "No exception covers this practice as it stands. This is not itself a finding of a"
                    + " violation: the knowledge standard and the facts of the case still decide (171.103).";
            case "needs_more_facts" -> "Answer the open questions below before deciding.";
            case "out_of_scope" -> "Psychotherapy notes and information compiled for a legal proceeding are not"
                    + " electronic health information (171.102).";
            default -> null;
        };
    }

    private static List<ConditionLine> lines(List<DecisionVerdict.Unmet> unmet, DecisionCatalog catalog) {
        List<ConditionLine> lines = new ArrayList<>();
        for (DecisionVerdict.Unmet u : unmet) {
            Optional<DecisionCatalog.Condition> c = catalog.condition(u.condition());
            lines.add(new ConditionLine(u.condition(), c.map(DecisionCatalog.Condition::title).orElse(u.condition()),
                    u.cfr() != null ? u.cfr() : c.map(DecisionCatalog.Condition::cfr).orElse(""),
                    u.reason(), c.map(DecisionCatalog.Condition::unverified).orElse(false)));
        }
        return List.copyOf(lines);
    }

    static ObligationLine obligation(DecisionVerdict.Obligation o) {
        String dueText = "";
        if (o.dueDate() != null) {
            try {
                dueText = DUE.format(LocalDate.parse(o.dueDate()));
            } catch (DateTimeParseException e) {
                dueText = o.dueDate();
            }
        }
        return new ObligationLine(o.id(), Labels.obligation(o.id()), o.cfr(), o.dueDate(), dueText, o.status(),
                Labels.obligationStatus(o.status()));
    }

    static String tone(String verdict) {
        if (verdict == null) {
            return "none";
        }
        return switch (verdict) {
            case "covered", "required_by_law" -> "covered";
            case "not_covered" -> "not-covered";
            case "needs_more_facts" -> "open";
            default -> "neutral";
        };
    }
}
