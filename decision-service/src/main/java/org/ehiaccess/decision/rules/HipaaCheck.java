package org.ehiaccess.decision.rules;

import java.time.LocalDate;

import org.ehiaccess.decision.rules.logic.Expr;

/**
 * One requirement of the HIPAA right of access (164.524) checked on the parallel track: when {@code appliesWhen}
 * holds, a false {@code rule} is the {@code issue}, an unknown one an open question.
 */
public record HipaaCheck(String id, String cfr, String mark, LocalDate effective, Expr appliesWhen, Expr rule,
        String issue) {
}
