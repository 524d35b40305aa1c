package org.ehiaccess.decision.rules.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At least one alternative must hold. While none does, only the facts of alternatives still open are asked for;
 * alternatives already false are not (needs_more_facts asks for no more than it must).
 * When every alternative fails, those that failed only because the worksheet chose another branch are left out
 * of the explanation.
 */
public final class AnyOf implements Expr {

    private final List<Expr> alternatives;

    public AnyOf(List<Expr> alternatives) {
        this.alternatives = List.copyOf(alternatives);
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<List<Failure>> failed = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        boolean open = false;
        for (Expr alternative : alternatives) {
            Outcome outcome = alternative.evaluate(context);
            if (outcome.isTrue()) {
                return Outcome.TRUE;
            }
            if (outcome.isUnknown()) {
                open = true;
                missing.addAll(outcome.missing());
            } else {
                failed.add(outcome.failures());
            }
        }
        if (open) {
            return Outcome.unknown(missing);
        }
        return Outcome.failed(withoutUnchosenBranches(failed));
    }

    /** Drops the failures of branches the worksheet did not choose, unless that would drop them all. */
    static List<Failure> withoutUnchosenBranches(List<List<Failure>> failed) {
        List<Failure> chosen = new ArrayList<>();
        List<Failure> all = new ArrayList<>();
        for (List<Failure> branch : failed) {
            all.addAll(branch);
            if (branch.stream().noneMatch(Failure::selectorMismatch)) {
                chosen.addAll(branch);
            }
        }
        return chosen.isEmpty() ? all : chosen;
    }

    @Override
    public String describe() {
        return alternatives.stream().map(Expr::describe).collect(Collectors.joining(" OR ", "(", ")"));
    }

    @Override
    public void collectFacts(Collection<String> into) {
        alternatives.forEach(alternative -> alternative.collectFacts(into));
    }
}
