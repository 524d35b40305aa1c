package org.ehiaccess.decision.guidance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ehiaccess.decision.engine.DerivedFacts;
import org.ehiaccess.decision.rules.Candidate;
import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.platform.time.BusinessCalendar;
import org.ehiaccess.decision.rules.logic.EvaluationContext;
import org.ehiaccess.decision.rules.logic.Expr;
import org.ehiaccess.decision.rules.logic.FactTest;
import org.ehiaccess.decision.rules.logic.Outcome;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which questions the worksheet asks for the answers so far: every fact's and condition's {@code asks_when}, read
 * here with the catalog's own parser, in three values: asked, not asked, or waiting for the answer it depends on.
 * A claimed sub-exception sets its branch selector first (catalog.yaml {@code claimed_basis}). The HIPAA
 * right-of-access questions (164.524) a practice needs are listed too: a denial's (164.524(a), (d)) or the timing's
 * (164.524(b)).
 */
public final class WorksheetQuestions {

    /** asked, not_asked, or waiting (for the answer the question depends on); dependsOn: that fact, or null. */
    public record Asked(String state, String dependsOn) {
        static final Asked ALWAYS = new Asked("asked", null);
    }

    /** The answer: each fact's and condition's state, and the HIPAA questions for this practice, in order. */
    public record Answer(Map<String, Asked> facts, Map<String, Asked> conditions, List<String> hipaa) {
    }

    /** Asked first when a parent requests: care the minor controls takes it out of 164.524 (164.502(g)(3)). */
    static final String MINOR_CONTROLS = "hipaa.minor_controls_withheld_phi";
    /** A denial or partial denial: its ground and the written denial's contents (164.524(a), (d)(2)). */
    static final List<String> HIPAA_DENIAL = List.of(MINOR_CONTROLS, "hipaa.denial_ground",
            "hipaa.denial_notice_written", "hipaa.denial_notice_has_basis", "hipaa.denial_notice_has_review_rights",
            "hipaa.denial_notice_has_complaint_info", "hipaa.other_info_provided");
    /** Any other practice: acting in time, with one extension (164.524(b)(2)). */
    static final List<String> HIPAA_TIMING = List.of(MINOR_CONTROLS, "hipaa.action_date",
            "hipaa.extension_notice_sent", "hipaa.extension_notice_day", "hipaa.extension_notice_has_reasons_and_date");

    private WorksheetQuestions() {
    }

    /** {@code body}: {facts: {id: value}} (practice.* answers among them) and optionally {practice: {...}}. */
    public static Answer of(Ruleset ruleset, JsonNode body) {
        Map<String, Object> answers = new LinkedHashMap<>();
        body.path("facts").fields().forEachRemaining(e -> put(answers, e.getKey(), e.getValue()));
        body.path("practice").fields().forEachRemaining(e -> put(answers, "practice." + e.getKey(), e.getValue()));
        Candidate claimed = ruleset.claimedBasis().get(String.valueOf(answers.get("practice.claimed_basis")));
        if (claimed != null) {
            answers.putAll(claimed.selects());
        }
        Context context = new Context(answers);
        Map<String, Asked> facts = new LinkedHashMap<>();
        for (FactDefinition fact : ruleset.facts().values()) {
            facts.put(fact.id(), asked(fact.asksWhen(), context));
        }
        Map<String, Asked> conditions = new LinkedHashMap<>();
        for (Condition condition : ruleset.conditions().values()) {
            conditions.put(condition.id(), asked(condition.asksWhen(), context));
        }
        return new Answer(facts, conditions, hipaa(ruleset, answers));
    }

    /**
     * The HIPAA questions, only where the right of access applies or may apply (the engine's own {@code hipaa.applies},
     * with the catalog's defaults): none for a payer or a clinic that is not a covered entity; for a parent whose teen
     * controls the withheld care (164.502(g)(3)), only that question, so the answer can still be changed.
     */
    static List<String> hipaa(Ruleset ruleset, Map<String, Object> answers) {
        Function<String, Object> value = id -> {
            Object answer = answers.get(id);
            FactDefinition fact = ruleset.fact(id);
            return answer != null || fact == null ? answer : fact.defaultValue();
        };
        if (value.apply("request.requester_type") == null) {
            return List.of();
        }
        if (Boolean.FALSE.equals(DerivedFacts.hipaaApplies(ruleset, value))) {
            boolean onlyForTheTeensCare = Boolean.TRUE.equals(DerivedFacts.hipaaApplies(ruleset,
                    id -> MINOR_CONTROLS.equals(id) ? Boolean.FALSE : value.apply(id)));
            return onlyForTheTeensCare ? List.of(MINOR_CONTROLS) : List.of();
        }
        String type = String.valueOf(answers.get("practice.type"));
        return ("deny".equals(type) || "limit_scope".equals(type) ? HIPAA_DENIAL : HIPAA_TIMING).stream()
                .filter(ruleset.facts()::containsKey).toList();
    }

    private static Asked asked(Expr asksWhen, Context context) {
        if (asksWhen == null) {
            return Asked.ALWAYS;
        }
        String dependsOn = asksWhen instanceof FactTest test ? test.fact() : null;
        Outcome outcome = asksWhen.evaluate(context);
        String state = outcome.isTrue() ? "asked" : outcome.isFalse() ? "not_asked" : "waiting";
        return new Asked(state, dependsOn);
    }

    private static void put(Map<String, Object> answers, String id, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isBoolean()) {
            answers.put(id, value.booleanValue());
        } else if (value.isIntegralNumber()) {
            answers.put(id, value.longValue());
        } else if (value.isArray()) {
            Set<String> values = new LinkedHashSet<>();
            value.forEach(v -> values.add(v.asText()));
            answers.put(id, values);
        } else {
            answers.put(id, value.asText());
        }
    }

    /** The answers as given: nothing derived or defaulted, so a question waits for the answer it depends on. */
    private record Context(Map<String, Object> answers) implements EvaluationContext {

        @Override
        public Object value(String factId) {
            return answers.get(factId);
        }

        @Override
        public boolean anyAnswered(String namespace) {
            return answers.keySet().stream().anyMatch(id -> id.startsWith(namespace + "."));
        }

        @Override
        public Set<String> toAsk(String factId) {
            return Set.of(factId);
        }

        @Override
        public boolean notAsked(String factId) {
            return false;
        }

        @Override
        public Outcome exception(String exceptionId) {
            throw new IllegalStateException("asks_when reads facts only");
        }

        @Override
        public LocalDate asOf() {
            return LocalDate.now();
        }

        @Override
        public BusinessCalendar calendar() {
            throw new IllegalStateException("asks_when reads facts only");
        }
    }
}
