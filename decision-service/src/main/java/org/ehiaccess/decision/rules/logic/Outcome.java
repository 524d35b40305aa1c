package org.ehiaccess.decision.rules.logic;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The three-valued result of a rule, with its explanation: for {@code FALSE} the failures, for {@code UNKNOWN}
 * the facts that could still make it true (and only those, so needs_more_facts asks for no more than it must).
 */
public record Outcome(Tri value, List<Failure> failures, Set<String> missing) {

    public static final Outcome TRUE = new Outcome(Tri.TRUE, List.of(), Set.of());

    public static Outcome failed(Failure failure) {
        return new Outcome(Tri.FALSE, List.of(failure), Set.of());
    }

    public static Outcome failed(List<Failure> failures) {
        return new Outcome(Tri.FALSE, List.copyOf(failures), Set.of());
    }

    public static Outcome unknown(Set<String> missing) {
        return new Outcome(Tri.UNKNOWN, List.of(), Collections.unmodifiableSet(new LinkedHashSet<>(missing)));
    }

    public static Outcome unknown(String missingFact) {
        return new Outcome(Tri.UNKNOWN, List.of(), Set.of(missingFact));
    }

    public boolean isTrue() {
        return value == Tri.TRUE;
    }

    public boolean isFalse() {
        return value == Tri.FALSE;
    }

    public boolean isUnknown() {
        return value == Tri.UNKNOWN;
    }
}
