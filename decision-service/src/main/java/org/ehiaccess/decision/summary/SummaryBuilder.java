package org.ehiaccess.decision.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.decision.assessment.Assessment;
import org.ehiaccess.decision.assessment.DecisionRecord;
import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.engine.Verdict;
import org.ehiaccess.decision.letter.Letter;
import org.ehiaccess.decision.review.AssessmentReview;
import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.ExceptionDefinition;
import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.ConditionLine;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.ExceptionLine;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.FactLine;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.Hipaa;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.LetterLine;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.ObligationLine;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.ReviewLine;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.RulesetLine;
import org.ehiaccess.decision.summary.ExceptionAnalysisSummary.Signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the exception analysis summary from what was stored: the facts, the result, the signature, the review. */
@ApplicationScoped
public class SummaryBuilder {

    static final Map<String, String> OBLIGATIONS = Map.of(
            "infeasibility_written_notice", "Send the requester the written reasons why the request cannot be fulfilled",
            "hipaa_action", "Act on the individual's request: give access, or send a written denial",
            "licensing_negotiation_start", "Begin negotiating a licence with the requester",
            "licensing_offer", "Offer the requester a licence");

    @Inject
    DecisionEngine engine;

    @Inject
    ObjectMapper json;

    public ExceptionAnalysisSummary build(Assessment assessment) {
        DecisionRecord decision = DecisionRecord.of(assessment, json);
        Ruleset ruleset = engine.catalog().ruleset(assessment.ruleset).orElse(engine.catalog().current());
        JsonNode result = decision.result();

        List<ExceptionLine> exceptions = new ArrayList<>();
        for (String id : decision.exceptionIds()) {
            ExceptionDefinition exception = ruleset.exceptions().get(id);
            exceptions.add(new ExceptionLine(id, exception == null ? id : exception.name(),
                    exception == null ? id : exception.cfr()));
        }

        List<ConditionLine> conditions = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode id : result.path("satisfied_conditions")) {
            Condition condition = ruleset.conditions().get(id.asText());
            if (condition != null && listed.add(condition.id())) {
                conditions.add(line(condition, condition.cfr(), "met", null, false));
            }
        }
        unmet(result.path("unmet_conditions"), ruleset, conditions, listed, false);
        unmet(result.path("other_candidates_unmet"), ruleset, conditions, listed, true);
        Set<String> missing = new LinkedHashSet<>();
        result.path("missing_facts").forEach(f -> missing.add(f.asText()));
        for (Condition condition : ruleset.conditions().values()) {
            if (!listed.contains(condition.id()) && condition.facts().stream().anyMatch(missing::contains)) {
                listed.add(condition.id());
                List<String> needs = condition.facts().stream().filter(missing::contains).toList();
                conditions.add(line(condition, condition.cfr(), "open", "Not answered yet: " + String.join(", ", needs), false));
            }
        }

        List<FactLine> missingFacts = missing.stream().map(id -> {
            FactDefinition fact = ruleset.fact(id);
            return new FactLine(id, fact == null ? id : question(fact), null, fact == null ? null : fact.cfr());
        }).toList();

        List<ObligationLine> obligations = new ArrayList<>();
        for (JsonNode o : result.path("obligations")) {
            String id = o.path("id").asText();
            String due = o.path("due_date").asText(null);
            obligations.add(new ObligationLine(id, OBLIGATIONS.getOrDefault(id, words(id)), o.path("cfr").asText(),
                    due == null || due.isEmpty() ? null : LocalDate.parse(due), o.path("status").asText()));
        }

        List<String> issues = strings(result.path("hipaa").path("issues"));
        Hipaa hipaa = new Hipaa(result.path("hipaa").path("status").asText(null), issues);

        Signature signature = new Signature(assessment.signed(), assessment.signedBy, assessment.signedRole,
                assessment.signedAt, assessment.createdBy, assessment.createdAt, assessment.updatedBy,
                assessment.updatedAt, assessment.determinedBy);
        RulesetLine rules = new RulesetLine(ruleset.id(), ruleset.title(), ruleset.effective(), engine.catalog().version());

        AssessmentReview review = AssessmentReview.ofAssessment(assessment.id);
        ReviewLine reviewLine = review == null ? null
                : new ReviewLine(review.decided() ? review.outcome : "requested", review.requestedOn,
                        review.requestChannel, review.requestedBy, review.requestedAt, review.outcome, review.reasons,
                        review.reviewer, review.decidedAt);
        List<LetterLine> letters = Letter.ofAssessment(assessment.id).stream()
                .map(l -> new LetterLine(l.id, l.kind, l.subject, l.createdAt, l.createdBy, l.sentOn, l.sentChannel,
                        l.pdfSha256))
                .toList();

        return new ExceptionAnalysisSummary(assessment.requestId, assessment.id, assessment.versionNumber,
                assessment.verdict, verdictText(assessment.verdict), result.path("summary").asText(null),
                facts(decision, ruleset), exceptions, conditions, missingFacts, obligations, hipaa,
                strings(result.path("documentation_required")), strings(result.path("warnings")), signature, rules,
                reviewLine, letters);
    }

    private static void unmet(JsonNode unmet, Ruleset ruleset, List<ConditionLine> into, Set<String> listed,
            boolean otherCandidate) {
        for (JsonNode u : unmet) {
            String id = u.path("condition").asText();
            String key = id + " " + u.path("cfr").asText();
            if (!listed.add(key)) {
                continue;
            }
            listed.add(id);
            Condition condition = ruleset.conditions().get(id);
            String reason = u.path("reason").asText(null);
            if (condition == null) {
                into.add(new ConditionLine(id, null, words(id), u.path("cfr").asText(), null, "unmet", null, reason,
                        otherCandidate));
            } else {
                into.add(line(condition, u.path("cfr").asText(condition.cfr()), "unmet", reason, otherCandidate));
            }
        }
    }

    private static ConditionLine line(Condition c, String cfr, String status, String reason, boolean otherCandidate) {
        return new ConditionLine(c.id(), c.exceptionId(), c.title(), cfr, c.mark(), status, c.requirement(), reason,
                otherCandidate);
    }

    /** The practice and every answered fact, in catalog order, each with its question and the answer in words. */
    private static List<FactLine> facts(DecisionRecord decision, Ruleset ruleset) {
        List<FactLine> lines = new ArrayList<>();
        for (Iterator<String> keys = decision.practice().fieldNames(); keys.hasNext();) {
            String key = keys.next();
            FactDefinition fact = ruleset.fact("practice." + key);
            lines.add(new FactLine("practice." + key, fact == null ? key : question(fact),
                    answer(decision.practice().get(key)), fact == null ? null : fact.cfr()));
        }
        for (FactDefinition fact : ruleset.facts().values()) {
            JsonNode value = decision.facts().get(fact.id());
            if (value != null && !value.isNull() && !fact.id().startsWith("practice.")) {
                lines.add(new FactLine(fact.id(), question(fact), answer(value), fact.cfr()));
            }
        }
        return lines;
    }

    private static String question(FactDefinition fact) {
        return fact.question() != null ? fact.question() : words(fact.id().substring(fact.id().indexOf('.') + 1));
    }

    /** true -> Yes, an enum value -> its words, a list -> its values joined. */
    static String answer(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(answer(v)));
            return parts.isEmpty() ? "None" : String.join(", ", parts);
        }
        if (value.isNumber()) {
            return value.asText();
        }
        String text = value.asText();
        return text.matches("[a-z0-9_]+") ? words(text) : text;
    }

    private static String words(String id) {
        String text = id.replace('_', ' ');
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String verdictText(String verdict) {
        try {
            return Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)).wording();
        } catch (IllegalArgumentException e) {
            return verdict;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
