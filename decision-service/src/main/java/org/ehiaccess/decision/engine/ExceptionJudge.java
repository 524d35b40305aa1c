package org.ehiaccess.decision.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ehiaccess.decision.rules.Candidate;
import org.ehiaccess.decision.rules.Requirement;
import org.ehiaccess.decision.rules.logic.Outcome;
import org.ehiaccess.decision.rules.logic.Tri;

/**
 * Judges an exception by combining its conditions as the catalog says (AND / OR), with the same three-valued logic
 * as the conditions: a definite false settles an AND; an OR is unknown while any branch is open.
 */
final class ExceptionJudge {

    private final CaseFacts facts;

    ExceptionJudge(CaseFacts facts) {
        this.facts = facts;
    }

    Judgement judge(Candidate candidate) {
        return judge(candidate.requires(), candidate.exceptionId());
    }

    Judgement judge(Requirement requirement, String exceptionId) {
        if (requirement instanceof Requirement.Met met) {
            Outcome outcome = facts.condition(met.conditionId());
            switch (outcome.value()) {
                case TRUE:
                    return new Judgement(exceptionId, Tri.TRUE, List.of(met.conditionId()), List.of(), Set.of());
                case FALSE:
                    return new Judgement(exceptionId, Tri.FALSE, List.of(), List.of(new Judgement.Unmet(
                            facts.ruleset().condition(met.conditionId()), outcome.failures())), Set.of());
                default:
                    return new Judgement(exceptionId, Tri.UNKNOWN, List.of(), List.of(), outcome.missing());
            }
        }
        List<Judgement> parts = new ArrayList<>();
        requirement.children().forEach(child -> parts.add(judge(child, exceptionId)));
        return requirement instanceof Requirement.All ? all(parts, exceptionId) : any(parts, exceptionId);
    }

    private static Judgement all(List<Judgement> parts, String exceptionId) {
        List<String> satisfied = new ArrayList<>();
        List<Judgement.Unmet> unmet = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Judgement part : parts) {
            satisfied.addAll(part.satisfied());
            unmet.addAll(part.unmet());
            missing.addAll(part.missing());
        }
        if (parts.stream().anyMatch(Judgement::isFalse)) {
            return new Judgement(exceptionId, Tri.FALSE, satisfied, unmet, Set.of());
        }
        if (parts.stream().anyMatch(Judgement::isUnknown)) {
            return new Judgement(exceptionId, Tri.UNKNOWN, satisfied, List.of(), missing);
        }
        return new Judgement(exceptionId, Tri.TRUE, satisfied, List.of(), Set.of());
    }

    private static Judgement any(List<Judgement> branches, String exceptionId) {
        List<String> satisfied = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Judgement branch : branches) {
            if (branch.isTrue()) {
                satisfied.addAll(branch.satisfied());
            } else if (branch.isUnknown()) {
                missing.addAll(branch.missing());
            }
        }
        if (!satisfied.isEmpty() || branches.stream().anyMatch(Judgement::isTrue)) {
            return new Judgement(exceptionId, Tri.TRUE, satisfied, List.of(), Set.of());
        }
        if (branches.stream().anyMatch(Judgement::isUnknown)) {
            return new Judgement(exceptionId, Tri.UNKNOWN, List.of(), List.of(), missing);
        }
        // every branch failed: report the chosen one(s), not those the worksheet ruled out by its selector
        List<Judgement.Unmet> chosen = new ArrayList<>();
        List<Judgement.Unmet> all = new ArrayList<>();
        for (Judgement branch : branches) {
            all.addAll(branch.unmet());
            if (branch.unmet().stream().noneMatch(Judgement.Unmet::unchosenBranch)) {
                chosen.addAll(branch.unmet());
            }
        }
        return new Judgement(exceptionId, Tri.FALSE, List.of(), chosen.isEmpty() ? all : chosen, Set.of());
    }
}
