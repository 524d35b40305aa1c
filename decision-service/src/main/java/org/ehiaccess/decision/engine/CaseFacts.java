package org.ehiaccess.decision.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.platform.time.BusinessCalendar;
import org.ehiaccess.decision.rules.Condition;
import org.ehiaccess.decision.rules.FactDefinition;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.decision.rules.logic.EvaluationContext;
import org.ehiaccess.decision.rules.logic.Outcome;

/**
 * The facts of one case as the rules see them: answered, else derived, else implied by the practice type, else the
 * catalog's default. Conditions and exceptions are judged once per case and remembered.
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

    CaseFacts(Ruleset ruleset, Map<String, Object> answered, LocalDate today, BusinessCalendar calendar) {
        this.ruleset = ruleset;
        this.answered = answered;
        this.calendar = calendar;
        answered.keySet().forEach(id -> answeredNamespaces.add(id.substring(0, id.indexOf('.'))));
        Object asOfAnswer = answered.get("eval.as_of_date");
        this.asOf = asOfAnswer != null ? (LocalDate) asOfAnswer : today;
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

    @Override
    public Object value(String factId) {
        if (answered.containsKey(factId)) {
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
        if (fact == null || !fact.derived() || answered.containsKey(factId)) {
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
            known = condition.rule().evaluate(this);
            conditions.put(conditionId, known);
        }
        return known;
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
