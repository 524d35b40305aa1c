package org.ehiaccess.decision.rules.logic;

import java.util.Collection;

/**
 * "Must meet exception X": 171.205(c)-(d) send harm- and security-related downtime to 171.201 and 171.203;
 * 171.301(b)(2)-(3) require the alternative manner's fees and licence to meet 171.302 and 171.303.
 */
public final class ExceptionRef implements Expr {

    private final String exceptionId;

    public ExceptionRef(String exceptionId) {
        this.exceptionId = exceptionId;
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        return context.exception(exceptionId);
    }

    @Override
    public String describe() {
        return exceptionId + " met";
    }

    @Override
    public void collectFacts(Collection<String> into) {
        // the referenced exception lists its own facts
    }
}
