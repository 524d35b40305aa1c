package org.ehiaccess.decision.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.ehiaccess.platform.time.BusinessCalendar;
import org.ehiaccess.decision.rules.Candidate;
import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.decision.rules.Ruleset;
import org.ehiaccess.decision.rules.logic.Outcome;

/**
 * The decision algorithm, over the rule catalog ({@code src/main/resources/rules/}). Plain Java: no container needed.
 * <ol>
 * <li>Not EHI (171.102) - out_of_scope.</li>
 * <li>RL-1 (171.103(a)(1)) true - required_by_law, whatever the motive (a disqualifying one is warned about).
 * Claimed but false: reported, and every candidate is tried.</li>
 * <li>No basis claimed and a disqualifying motive (§4.4) - not_covered; with a claimed basis, a warning.</li>
 * <li>Candidate exceptions (§4.2), or the claimed one, judged with three-valued logic.</li>
 * <li>Any true - covered; else any unknown - needs_more_facts (minimal missing facts); else not_covered.</li>
 * <li>Always: obligations, the HIPAA track, documentation and warnings.</li>
 * </ol>
 */
public final class DecisionEngine {

    static final String NOT_EHI = "SC-1";
    static final String DISQUALIFYING_MOTIVE = "DISQUALIFYING_MOTIVE";
    static final String REQUIRED_BY_LAW = "RL-1";
    private static final String INFEASIBILITY = "171.204";

    private final RuleCatalog catalog;
    private final Supplier<LocalDate> today;
    private final Predicate<String> rulesetEnabled;
    private final int prolongedDowntimeHours;
    private final Map<String, Map<String, Integer>> factOrder = new HashMap<>();

    /**
     * @param today                  the clinic's date, for {@code eval.as_of_date} when not given
     * @param rulesetEnabled         which rulesets may be used (HTI5_FINAL only when configured)
     * @param prolongedDowntimeHours the threshold of the prolonged-downtime warning (171.205)
     */
    public DecisionEngine(RuleCatalog catalog, Supplier<LocalDate> today, Predicate<String> rulesetEnabled,
            int prolongedDowntimeHours) {
        this.catalog = catalog;
        this.today = today;
        this.rulesetEnabled = rulesetEnabled;
        this.prolongedDowntimeHours = prolongedDowntimeHours;
        for (Ruleset ruleset : catalog.rulesets()) {
            DerivedFacts.checkCovers(ruleset);
            Map<String, Integer> order = new HashMap<>();
            ruleset.facts().keySet().forEach(id -> order.put(id, order.size()));
            factOrder.put(ruleset.id(), order);
        }
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** The clinic's date today: the evaluation date when the case does not give one. */
    public LocalDate today() {
        return today.get();
    }

    public boolean enabled(String rulesetId) {
        return rulesetEnabled.test(rulesetId);
    }

    /** A validator that knows which rulesets this engine accepts. */
    public FactValidator validator() {
        return new FactValidator(catalog, rulesetEnabled);
    }

    /** Evaluates a validated case on the clinic's business-day calendar. */
    public Evaluation evaluate(CaseInput input, BusinessCalendar calendar) {
        Ruleset ruleset = catalog.ruleset(input.rulesetId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown ruleset " + input.rulesetId()));
        if (!rulesetEnabled.test(ruleset.id())) {
            throw new IllegalArgumentException("Ruleset " + ruleset.id() + " is not enabled");
        }
        CaseFacts facts = new CaseFacts(ruleset, input.facts(), today.get(), calendar);
        Decision decision = decide(facts);
        String practiceType = (String) facts.value("practice.type");
        String claimedBasis = (String) facts.value("practice.claimed_basis");
        boolean infeasibilityInPlay = "infeasibility".equals(claimedBasis)
                || (isCandidate(ruleset, practiceType, INFEASIBILITY) && facts.anyAnswered("infeasibility"));
        boolean licensingInPlay = "license_terms".equals(practiceType) || "licensing".equals(claimedBasis)
                || facts.anyAnswered("licensing");
        List<Obligation> obligations = Obligations.of(facts, infeasibilityInPlay, licensingInPlay);
        HipaaStatus hipaa = HipaaTrack.assess(facts);
        Report report = new Report(facts, decision, prolongedDowntimeHours);
        List<UnmetCondition> unmet = UnmetReport.of(decision.unmet());
        return new Evaluation(decision.verdict(), decision.exceptionIds(), decision.satisfied(), unmet,
                UnmetReport.of(decision.otherUnmet()), sorted(ruleset, decision.missing()), obligations, hipaa,
                report.documentation(obligations), report.warnings(), ruleset.id(),
                report.summary(unmet, obligations, hipaa));
    }

    private static boolean isCandidate(Ruleset ruleset, String practiceType, String exceptionId) {
        return ruleset.candidatesFor(practiceType).stream().anyMatch(c -> c.exceptionId().equals(exceptionId));
    }

    private Decision decide(CaseFacts facts) {
        Ruleset ruleset = facts.ruleset();
        String claimedBasis = (String) facts.value("practice.claimed_basis");
        boolean noneClaimed = "none".equals(claimedBasis);
        // 1. 171.102: psychotherapy notes and litigation material are not EHI
        Outcome ehi = facts.condition(NOT_EHI);
        if (ehi.isFalse()) {
            return simple(Verdict.OUT_OF_SCOPE, List.of(), List.of(unmet(facts, NOT_EHI, ehi)));
        }
        Set<?> motives = (Set<?>) facts.value("practice.motive");
        List<String> disqualifying = ruleset.disqualifyingMotives().stream()
                .filter(motive -> motives != null && motives.contains(motive)).toList();
        // 2. 171.103(a)(1): a practice a law requires is outside Part 171 whatever the motive (§4.3 step 2)
        Outcome law = facts.condition(REQUIRED_BY_LAW);
        if (law.isTrue()) {
            return new Decision(Verdict.REQUIRED_BY_LAW, null, List.of(), List.of(), List.of(REQUIRED_BY_LAW),
                    List.of(), List.of(), Set.of(), false, disqualifying);
        }
        // 3. 171.200 / 171.300: no exception is designed for these motives (catalog.yaml)
        if (noneClaimed && !disqualifying.isEmpty()) {
            Outcome motive = facts.condition(DISQUALIFYING_MOTIVE);
            return new Decision(Verdict.NOT_COVERED, null, List.of(), List.of(), List.of(),
                    List.of(unmet(facts, DISQUALIFYING_MOTIVE, motive)), List.of(), Set.of(), false, disqualifying);
        }
        List<Candidate> candidates = ruleset.candidatesFor((String) facts.value("practice.type"));
        if ("required_by_law".equals(claimedBasis)) {
            if (law.isUnknown()) {
                return new Decision(Verdict.NEEDS_MORE_FACTS, null, List.of(), List.of(), List.of(), List.of(),
                        List.of(), law.missing(), false, disqualifying);
            }
            return claimFailed(List.of(unmet(facts, REQUIRED_BY_LAW, law)), null, null,
                    judgeAll(facts, candidates), disqualifying);
        }
        if (!noneClaimed) {
            return byClaim(facts, ruleset.claimedBasis().get(claimedBasis), candidates, disqualifying);
        }
        return byCandidates(facts, candidates, disqualifying);
    }

    /** 4.-7. with a claimed basis: the claim decides, unless another candidate is definitely met (§4.2). */
    private static Decision byClaim(CaseFacts facts, Candidate claimed, List<Candidate> candidates,
            List<String> disqualifying) {
        Judgement own = facts.judge().judge(claimed);
        List<Judgement> others = judgeAll(facts, othersThan(claimed, candidates));
        if (own.isTrue()) {
            List<Judgement> covering = new ArrayList<>(List.of(own));
            others.stream().filter(Judgement::isTrue).forEach(covering::add);
            return covered(claimed, own, others, covering, false, disqualifying);
        }
        if (own.isFalse()) {
            return claimFailed(own.unmet(), claimed, own, others, disqualifying);
        }
        List<Judgement> rescue = others.stream().filter(Judgement::isTrue).toList();
        if (!rescue.isEmpty()) {
            return covered(claimed, own, others, rescue, true, disqualifying);
        }
        // an unknown from a candidate that was not claimed never asks for more facts
        return new Decision(Verdict.NEEDS_MORE_FACTS, claimed, withFirst(own, others), List.of(), own.satisfied(),
                List.of(), unmetOf(others), own.missing(), false, disqualifying);
    }

    /** 4.-7. with no basis claimed: every candidate of the practice type (§4.2). */
    private static Decision byCandidates(CaseFacts facts, List<Candidate> candidates, List<String> disqualifying) {
        List<Judgement> judged = judgeAll(facts, candidates);
        List<Judgement> covering = judged.stream().filter(Judgement::isTrue).toList();
        if (!covering.isEmpty()) {
            return new Decision(Verdict.COVERED, null, judged, covering, satisfiedOf(covering), List.of(), List.of(),
                    Set.of(), false, disqualifying);
        }
        // only open candidates ask: the facts of failed exceptions are never listed (§4.5)
        Set<String> missing = new LinkedHashSet<>();
        judged.stream().filter(Judgement::isUnknown).forEach(j -> missing.addAll(j.missing()));
        Verdict verdict = judged.stream().anyMatch(Judgement::isUnknown) ? Verdict.NEEDS_MORE_FACTS : Verdict.NOT_COVERED;
        return new Decision(verdict, null, judged, List.of(), satisfiedOf(judged), unmetOf(judged), List.of(),
                missing, false, disqualifying);
    }

    /** The claimed basis failed: covered only if another candidate is definitely met (rules/catalog.yaml). */
    private static Decision claimFailed(List<Judgement.Unmet> unmet, Candidate claimed, Judgement own,
            List<Judgement> others, List<String> disqualifying) {
        List<Judgement> judged = own == null ? others : withFirst(own, others);
        List<Judgement> rescue = others.stream().filter(Judgement::isTrue).toList();
        if (!rescue.isEmpty()) {
            return new Decision(Verdict.COVERED, claimed, judged, rescue, satisfiedOf(rescue), unmet, List.of(),
                    Set.of(), true, disqualifying);
        }
        return new Decision(Verdict.NOT_COVERED, claimed, judged, List.of(), own == null ? List.of() : own.satisfied(),
                unmet, unmetOf(others), Set.of(), false, disqualifying);
    }

    private static Decision covered(Candidate claimed, Judgement own, List<Judgement> others, List<Judgement> covering,
            boolean rescued, List<String> disqualifying) {
        return new Decision(Verdict.COVERED, claimed, withFirst(own, others), covering, satisfiedOf(covering),
                rescued ? own.unmet() : List.of(), List.of(), Set.of(), rescued, disqualifying);
    }

    private static Decision simple(Verdict verdict, List<String> satisfied, List<Judgement.Unmet> unmet) {
        return new Decision(verdict, null, List.of(), List.of(), satisfied, unmet, List.of(), Set.of(), false, List.of());
    }

    /**
     * The candidates beside the claimed one: other exceptions, and, when a sub-exception is claimed (e.g. 171.202(b)),
     * the other branches of the same exception that are candidates for the practice (catalog.yaml).
     */
    private static List<Candidate> othersThan(Candidate claimed, List<Candidate> candidates) {
        List<Candidate> others = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (!candidate.exceptionId().equals(claimed.exceptionId())) {
                others.add(candidate);
            } else if (!claimed.branches().isEmpty()) {
                Set<String> rest = new LinkedHashSet<>(candidate.branches().isEmpty()
                        ? candidate.exception().requires().conditionIds() : candidate.branches());
                rest.removeAll(claimed.branches());
                if (!rest.isEmpty()) {
                    others.add(Candidate.of(candidate.exception(), rest));
                }
            }
        }
        return others;
    }

    private static List<Judgement> judgeAll(CaseFacts facts, List<Candidate> candidates) {
        return candidates.stream().map(facts.judge()::judge).toList();
    }

    private static List<Judgement> withFirst(Judgement first, List<Judgement> rest) {
        List<Judgement> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static List<String> satisfiedOf(List<Judgement> judgements) {
        return judgements.stream().flatMap(j -> j.satisfied().stream()).distinct().toList();
    }

    private static List<Judgement.Unmet> unmetOf(List<Judgement> judgements) {
        return judgements.stream().filter(Judgement::isFalse).flatMap(j -> j.unmet().stream()).toList();
    }

    private static Judgement.Unmet unmet(CaseFacts facts, String conditionId, Outcome outcome) {
        return new Judgement.Unmet(facts.ruleset().condition(conditionId), outcome.failures());
    }

    private List<String> sorted(Ruleset ruleset, Set<String> facts) {
        Map<String, Integer> order = factOrder.get(ruleset.id());
        return facts.stream().sorted(Comparator.comparing(id -> order.getOrDefault(id, Integer.MAX_VALUE))).toList();
    }
}
