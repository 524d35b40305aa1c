package org.ehiaccess.decision.rules;

import java.util.Map;
import java.util.Set;

/**
 * An exception to evaluate for a practice, whole or limited to some of its branches ({@code candidates} in
 * catalog.yaml: e.g. a delay is checked against 171.202(e) only, an alternative manner against 171.204(a)(4) only).
 *
 * @param requires the exception's requirement, already limited to {@code branches}
 * @param selects  for a claimed sub-exception, the branch selector values the claim sets ({@code claimed_basis} in
 *                 rules/catalog.yaml: a claimed sub-exception selects its branch); empty otherwise
 */
public record Candidate(ExceptionDefinition exception, Set<String> branches, Requirement requires,
        Map<String, Object> selects) {

    public static Candidate of(ExceptionDefinition exception, Set<String> branches) {
        return of(exception, branches, Map.of());
    }

    public static Candidate of(ExceptionDefinition exception, Set<String> branches, Map<String, Object> selects) {
        return new Candidate(exception, Set.copyOf(branches), exception.requires().restrictedTo(branches),
                Map.copyOf(selects));
    }

    public String exceptionId() {
        return exception.id();
    }
}
