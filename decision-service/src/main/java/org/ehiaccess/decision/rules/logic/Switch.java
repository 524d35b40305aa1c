package org.ehiaccess.decision.rules.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rule that depends on one fact's value, e.g. 171.201(d): the harm standard depends on whose access it is.
 * It is the OR of {@code (fact == case AND case rule)}; a missing fact leaves every case open and is asked for.
 */
public final class Switch implements Expr {

    private final String fact;
    private final Map<String, Expr> cases;
    private final AnyOf asAlternatives;

    public Switch(String fact, Map<String, Expr> cases) {
        this.fact = fact;
        this.cases = new LinkedHashMap<>(cases);
        List<Expr> alternatives = new ArrayList<>();
        cases.forEach((value, rule) -> alternatives.add(
                new AllOf(List.of(new FactTest(fact, FactTest.Op.IS, value, true), rule))));
        this.asAlternatives = new AnyOf(alternatives);
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        return asAlternatives.evaluate(context);
    }

    @Override
    public String describe() {
        return cases.entrySet().stream()
                .map(entry -> entry.getKey() + " -> " + entry.getValue().describe())
                .collect(Collectors.joining("; ", "(by " + fact + ": ", ")"));
    }

    @Override
    public void collectFacts(Collection<String> into) {
        into.add(fact);
        cases.values().forEach(rule -> rule.collectFacts(into));
    }
}
