package org.ehiaccess.decision.rules.logic;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * "If the situation arises, then the requirement applies" (e.g. 171.201(e): review rights only where the risk
 * rests on an individualized determination). A situation whose facts the worksheet would never ask (their
 * {@code asks_when} is false) has not arisen.
 */
public final class Implies implements Expr {

    private final Expr situation;
    private final Expr requirement;

    public Implies(Expr situation, Expr requirement) {
        this.situation = situation;
        this.requirement = requirement;
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        Outcome when = situation.evaluate(context);
        if (when.isUnknown() && when.missing().stream().allMatch(context::notAsked)) {
            return Outcome.TRUE;
        }
        if (when.isFalse()) {
            return Outcome.TRUE;
        }
        Outcome then = requirement.evaluate(context);
        if (when.isTrue() || then.isTrue()) {
            return then;
        }
        // the situation is open: settling it could make the requirement moot
        Set<String> missing = new LinkedHashSet<>(when.missing());
        missing.addAll(then.missing());
        return Outcome.unknown(missing);
    }

    @Override
    public String describe() {
        return "(if " + situation.describe() + " then " + requirement.describe() + ")";
    }

    @Override
    public void collectFacts(Collection<String> into) {
        situation.collectFacts(into);
        requirement.collectFacts(into);
    }
}
