package org.ehiaccess.decision.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.platform.time.BusinessCalendar;
import org.ehiaccess.decision.rules.Candidate;
import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.decision.rules.logic.EvaluationContext;
import org.ehiaccess.decision.rules.logic.Failure;
import org.ehiaccess.decision.rules.logic.Outcome;

/**
 * The facts of one case as the rules see them: a branch selector set by the claimed sub-exception, else answered,
 * else derived, else implied by the practice type, else the catalog's default. Conditions and exceptions are judged
 * once per case and remembered, each by the text in force on {@code eval.as_of_date}.
 */
final class CaseFacts implements EvaluationContext {

    private static final Object NOT_KNOWN = new Object();

    private final Ruleset ruleset;
    private final Map<String, Object> answered;
    private final Set<String> answeredNamespaces = new HashSet<>();
    private final LocalDate asOf;
    private final BusinessCalendar calendar;
    private final Map<String, Object> derived = new HashMap<>();
    private final Map<String, Outcome> conditions = new HashMap<>();
    private final Map<String, Outcome> exceptions = new HashMap<>();
    private final ExceptionJudge judge = new ExceptionJudge(this);
    private final Map<String, Object> claimSelects;
    private final Map<String, Dated> dated = new LinkedHashMap<>();

    /** How a condition was judged on an evaluation date before its current text took effect. */
    enum Dated {
        /** the paragraph did not exist yet: it cannot be met */
        NOT_IN_FORCE,
        /** judged by the earlier text the catalog holds */
        EARLIER_TEXT,
        /** the catalog does not hold the text in force then: it cannot be decided */
        TEXT_NOT_HELD
    }

    CaseFacts(Ruleset ruleset, Map<String, Object> answered, LocalDate today, BusinessCalendar calendar) {
        this.ruleset = ruleset;
        this.answered = answered;
        this.calendar = calendar;
        answered.forEach((id, value) -> {
            if (value != null) {
                answeredNamespaces.add(id.substring(0, id.indexOf('.')));
            }
        });
        Object asOfAnswer = answered.get("eval.as_of_date");
        this.asOf = asOfAnswer != null ? (LocalDate) asOfAnswer : today;
        Candidate claimed = ruleset.claimedBasis().get(String.valueOf(answered.get("practice.claimed_basis")));
        this.claimSelects = claimed == null ? Map.of() : claimed.selects();
    }

    Ruleset ruleset() {
        return ruleset;
    }

    ExceptionJudge judge() {
        return judge;
    }

    Map<String, Object> answered() {
        return answered;
    }

    /** The selector values the claimed sub-exception sets (catalog.yaml {@code claimed_basis}), over any answer. */
    Map<String, Object> claimSelects() {
        return claimSelects;
    }

    /** The conditions judged on a date before their current text took effect, and how. */
    Map<String, Dated> dated() {
        return dated;
    }

    @Override
    public Object value(String factId) {
        if (claimSelects.containsKey(factId)) {
            return claimSelects.get(factId);
        }
        // a null answer is no answer (missing and null are read alike), so a default still applies
        if (answered.get(factId) != null) {
            return answered.get(factId);
        }
        FactDefinition fact = ruleset.fact(factId);
        if (fact == null) {
            throw new IllegalArgumentException("Unknown fact " + factId);
        }
        if (fact.derived()) {
            Object value = derived.get(factId);
            if (value == null) {
                value = DerivedFacts.compute(factId, this);
                derived.put(factId, value == null ? NOT_KNOWN : value);
            }
            return value == NOT_KNOWN ? null : value;
        }
        Map<String, Object> implied = ruleset.practiceImplies().get(String.valueOf(answered.get("practice.type")));
        if (implied != null && implied.containsKey(factId)) {
            return implied.get(factId);
        }
        if ("eval.as_of_date".equals(factId)) {
            return asOf;
        }
        return fact.defaultValue();
    }

    /** True when the worksheet gave a value (not null) for the fact. */
    boolean isAnswered(String factId) {
        return answered.get(factId) != null;
    }

    /** The value derived from the other facts, even when the worksheet overrode it. */
    Object derivedValue(String factId) {
        return DerivedFacts.compute(factId, this);
    }

    @Override
    public boolean anyAnswered(String namespace) {
        return answeredNamespaces.contains(namespace);
    }

    @Override
    public Set<String> toAsk(String factId) {
        FactDefinition fact = ruleset.fact(factId);
        if (fact == null || !fact.derived() || isAnswered(factId)) {
            return Set.of(factId);
        }
        Set<String> inputs = new LinkedHashSet<>();
        for (String input : fact.derivedFrom()) {
            if (value(input) == null) {
                inputs.addAll(toAsk(input));
            }
        }
        return inputs.isEmpty() ? Set.of(factId) : inputs;
    }

    @Override
    public boolean notAsked(String factId) {
        FactDefinition fact = ruleset.fact(factId);
        return fact != null && fact.asksWhen() != null && fact.asksWhen().evaluate(this).isFalse();
    }

    @Override
    public Outcome exception(String exceptionId) {
        Outcome known = exceptions.get(exceptionId);
        if (known == null) {
            known = judge.judge(ruleset.exceptions().get(exceptionId).requires(), exceptionId).asOutcome();
            exceptions.put(exceptionId, known);
        }
        return known;
    }

    /** A condition's outcome, judged once per case. */
    Outcome condition(String conditionId) {
        Outcome known = conditions.get(conditionId);
        if (known == null) {
            Condition condition = ruleset.condition(conditionId);
            known = asOf.isBefore(condition.effective()) ? beforeEffective(condition) : condition.rule().evaluate(this);
            conditions.put(conditionId, known);
        }
        return known;
    }

    /**
     * An evaluation dated before the paragraph's current text took effect uses the text in force then: none (a new
     * paragraph cannot be met), the earlier text the catalog holds, or, when it holds none, an open result that no
     * answer can settle. A failure only because the worksheet chose another branch (or none) stays that failure:
     * no text of the paragraph would apply then.
     */
    private Outcome beforeEffective(Condition condition) {
        Outcome current = condition.rule().evaluate(this);
        if (current.isFalse() && current.failures().stream()
                .allMatch(f -> ruleset.branchSelectors().containsAll(f.recorded().keySet()))) {
            return current;
        }
        Condition.Earlier earlier = condition.earlier();
        if (earlier != null && !earlier.existed()) {
            dated.put(condition.id(), Dated.NOT_IN_FORCE);
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("eval.as_of_date", asOf);
            return Outcome.failed(new Failure(condition.cfr(), condition.cfr() + " was not in force on " + asOf
                    + ": it took effect " + condition.effective() + ".", null, recorded, false));
        }
        if (earlier != null && !asOf.isBefore(earlier.effective())) {
            dated.put(condition.id(), Dated.EARLIER_TEXT);
            return earlier.rule().evaluate(this);
        }
        dated.put(condition.id(), Dated.TEXT_NOT_HELD);
        return Outcome.unknown(Set.of());
    }

    @Override
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public BusinessCalendar calendar() {
        return calendar;
    }
}
