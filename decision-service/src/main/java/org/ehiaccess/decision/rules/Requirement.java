package org.ehiaccess.decision.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How an exception combines its conditions ({@code requires} of each exception in its rule file),
 * e.g. 171.204 = (IN-a1 OR ... OR IN-a5) AND IN-b.
 */
public sealed interface Requirement {

    /** One condition. */
    record Met(String conditionId) implements Requirement {
    }

    /** Every part. */
    record All(List<Requirement> parts) implements Requirement {
    }

    /** At least one branch. */
    record Any(List<Requirement> branches) implements Requirement {
    }

    /** The same tree without the dropped conditions (a ruleset that removes a paragraph); null if nothing is left. */
    default Requirement without(Set<String> dropped) {
        if (this instanceof Met met) {
            return dropped.contains(met.conditionId()) ? null : this;
        }
        List<Requirement> kept = children().stream().map(child -> child.without(dropped))
                .filter(Objects::nonNull).collect(Collectors.toList());
        if (kept.isEmpty()) {
            return null;
        }
        return this instanceof All ? new All(kept) : new Any(kept);
    }

    /**
     * Only the named branches of an OR (a claimed basis or a candidate naming a sub-exception, e.g. 171.202(e)).
     * An OR that holds none of them is kept whole; AND parts are always kept.
     */
    default Requirement restrictedTo(Set<String> branches) {
        if (branches.isEmpty() || this instanceof Met) {
            return this;
        }
        if (this instanceof Any any) {
            List<Requirement> named = any.branches().stream()
                    .filter(branch -> branch instanceof Met met && branches.contains(met.conditionId()))
                    .collect(Collectors.toList());
            if (!named.isEmpty()) {
                return named.size() == 1 ? named.get(0) : new Any(named);
            }
            return new Any(any.branches().stream().map(b -> b.restrictedTo(branches)).collect(Collectors.toList()));
        }
        return new All(children().stream().map(part -> part.restrictedTo(branches)).collect(Collectors.toList()));
    }

    default List<Requirement> children() {
        if (this instanceof All all) {
            return all.parts();
        }
        if (this instanceof Any any) {
            return any.branches();
        }
        return List.of();
    }

    default List<String> conditionIds() {
        List<String> ids = new ArrayList<>();
        collect(ids);
        return ids;
    }

    private void collect(Collection<String> into) {
        if (this instanceof Met met) {
            into.add(met.conditionId());
        }
        children().forEach(child -> child.collect(into));
    }

    /** E.g. {@code (IN-a1 OR IN-a2) AND IN-b}. */
    default String describe() {
        if (this instanceof Met met) {
            return met.conditionId();
        }
        String joined = children().stream().map(Requirement::describe)
                .collect(Collectors.joining(this instanceof All ? " AND " : " OR "));
        return children().size() > 1 ? "(" + joined + ")" : joined;
    }
}
