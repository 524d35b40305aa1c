package org.ehiaccess.decision.rules.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every part must hold. One definite false settles it even while other facts are missing (Kleene
 * logic, {@link Tri}); all false parts are reported, so the clinic sees every defect at once.
 */
public final class AllOf implements Expr {

    private final List<Expr> parts;

    public AllOf(List<Expr> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Failure> failures = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        boolean open = false;
        for (Expr part : parts) {
            Outcome outcome = part.evaluate(context);
            if (outcome.isFalse()) {
                failures.addAll(outcome.failures());
            } else if (outcome.isUnknown()) {
                open = true;
                missing.addAll(outcome.missing());
            }
        }
        if (!failures.isEmpty()) {
            return Outcome.failed(failures);
        }
        return open ? Outcome.unknown(missing) : Outcome.TRUE;
    }

    @Override
    public String describe() {
        return parts.stream().map(Expr::describe).collect(Collectors.joining(" AND ", "(", ")"));
    }

    @Override
    public void collectFacts(Collection<String> into) {
        parts.forEach(part -> part.collectFacts(into));
    }
}
