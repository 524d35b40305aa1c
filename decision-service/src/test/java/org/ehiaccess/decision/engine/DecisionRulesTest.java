package org.ehiaccess.decision.engine;

import static org.ehiaccess.decision.engine.Cases.plus;
import static org.ehiaccess.decision.engine.Cases.with;
import static org.ehiaccess.decision.engine.TestEngine.evaluate;
import static org.ehiaccess.decision.engine.TestEngine.practice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The algorithm of {@link DecisionEngine} and the claimed-basis rules of catalog.yaml: every verdict, every rule. */
class DecisionRulesTest {

    static final Map<String, Object> OUTAGE = with("request.received_date", "2026-03-02",
            "infeasibility.condition", "uncontrollable_event", "infeasibility.event_caused_inability", true,
            "infeasibility.written_notice_sent", true, "infeasibility.written_notice_date", "2026-03-05",
            "infeasibility.written_notice_states_reasons", true);
    static final Map<String, Object> HARM = with("harm.reasonable_belief", true, "harm.no_broader_than_necessary", true,
            "harm.risk_type", "data_misidentified_or_erroneous", "request.requester_type", "other_provider_treatment",
            "harm.harm_type", "life_or_physical_safety", "harm.determination_basis", "organizational_policy",
            "harm.policy_meets_requirements", true);
    static final Map<String, Object> LAW = with("law.mandates_practice", true, "law.kind", "mandatory",
            "law.practice_limited_to_mandate", true, "law.citation", "42 CFR 2.13");

    @Test
    void outOfScopeWhenOnlyPsychotherapyNotesOrLitigationMaterialAreAsked() {
        Evaluation result = evaluate(practice("deny", "none", "unpaid_balance"),
                with("request.ehi_classes", List.of("psychotherapy_note")));
        assertEquals(Verdict.OUT_OF_SCOPE, result.verdict());
        assertEquals("SC-1", result.unmetConditions().get(0).condition());
        assertEquals(Verdict.NOT_COVERED, evaluate(practice("deny", "none", "unpaid_balance"),
                with("request.ehi_classes", List.of("psychotherapy_note", "lab_result"))).verdict());
    }

    @Test
    void aDisqualifyingMotiveWithoutAClaimIsNotCoveredEvenIfAnExceptionWouldFit() {
        Evaluation result = evaluate(practice("delay", "none", "convenience_or_staffing"), OUTAGE);
        assertEquals(Verdict.NOT_COVERED, result.verdict());
        assertEquals("DISQUALIFYING_MOTIVE", result.unmetConditions().get(0).condition());
        assertTrue(result.summary().contains("no exception covers this practice"));
    }

    @Test
    void aDisqualifyingMotiveWithAClaimIsEvaluatedAndWarnedAbout() {
        Evaluation result = evaluate(practice("delay", "infeasibility", "unpaid_balance", "downtime"), OUTAGE);
        assertEquals(Verdict.COVERED, result.verdict());
        assertTrue(result.warnings().contains("motive unpaid_balance cannot itself justify the practice"), result.warnings().toString());
    }

    @Test
    void requiredByLawWinsWhetherClaimedOrNot() {
        assertEquals(Verdict.REQUIRED_BY_LAW, evaluate(practice("limit_scope", "required_by_law", "legal_mandate"), LAW).verdict());
        Evaluation unclaimed = evaluate(practice("limit_scope", "none"), LAW);
        assertEquals(Verdict.REQUIRED_BY_LAW, unclaimed.verdict());
        assertEquals(List.of("RL-1"), unclaimed.satisfiedConditions());
        assertTrue(unclaimed.summary().contains("42 CFR 2.13"));
    }

    @Test
    void requiredByLawClaimedButUnknownAsksForTheLawFacts() {
        Evaluation result = evaluate(practice("limit_scope", "required_by_law"), with("law.mandates_practice", true));
        assertEquals(Verdict.NEEDS_MORE_FACTS, result.verdict());
        assertEquals(List.of("law.kind", "law.citation", "law.practice_limited_to_mandate"), result.missingFacts());
    }

    @Test
    void requiredByLawClaimedAndFalseReportsRl1AndTriesEveryCandidate() {
        Map<String, Object> permissive = plus(LAW, "law.kind", "permissive");
        Evaluation failed = evaluate(practice("deny", "required_by_law"),
                plus(permissive, "security.directly_related_to_cia", false));
        assertEquals(Verdict.NOT_COVERED, failed.verdict(), "unknown candidates never make it needs_more_facts");
        assertEquals(List.of("RL-1"), failed.unmetConditions().stream().map(UnmetCondition::condition).distinct().toList());
        assertTrue(failed.otherCandidatesUnmet().stream().anyMatch(u -> u.condition().equals("SE-abc")));
        assertTrue(failed.missingFacts().isEmpty());

        Evaluation rescued = evaluate(practice("deny", "required_by_law"), plus(permissive, HARM));
        assertEquals(Verdict.COVERED, rescued.verdict());
        assertEquals(List.of("171.201"), rescued.exceptionIds());
        assertTrue(rescued.warnings().contains("claimed basis failed; covered by 171.201 (Preventing Harm)"), rescued.warnings().toString());
        assertEquals("RL-1", rescued.unmetConditions().get(0).condition());
    }

    @Test
    void aClaimedBasisThatHoldsIsCovered() {
        Evaluation result = evaluate(practice("delay", "infeasibility", "downtime"), OUTAGE);
        assertEquals(Verdict.COVERED, result.verdict());
        assertEquals(List.of("171.204"), result.exceptionIds());
        assertEquals(List.of("IN-a1", "IN-b"), result.satisfiedConditions());
    }

    @Test
    void aFailedClaimIsNotCoveredWithItsUnmetConditionsAndTheOthersAside() {
        Map<String, Object> late = plus(OUTAGE, "infeasibility.written_notice_date", "2026-03-20",
                "harm.reasonable_belief", false);
        Evaluation result = evaluate(practice("delay", "infeasibility"), late);
        assertEquals(Verdict.NOT_COVERED, result.verdict());
        assertEquals(List.of("IN-b"), result.unmetConditions().stream().map(UnmetCondition::condition).toList());
        assertEquals("written reasons sent 14 business days after receipt; limit is 10", result.unmetConditions().get(0).reason());
        assertEquals(List.of("PH-a"), result.otherCandidatesUnmet().stream().map(UnmetCondition::condition).toList());
    }

    @Test
    void aFailedClaimIsCoveredWhenAnotherCandidateIsDefinitelyMet() {
        Map<String, Object> facts = plus(HARM, "infeasibility.condition", "none", "request.received_date", "2026-03-02");
        Evaluation result = evaluate(practice("deny", "infeasibility"), facts);
        assertEquals(Verdict.COVERED, result.verdict());
        assertEquals(List.of("171.201"), result.exceptionIds());
        assertTrue(result.warnings().contains("claimed basis failed; covered by 171.201 (Preventing Harm)"));
        assertFalse(result.unmetConditions().isEmpty(), "the claim's failures are still shown");
    }

    @Test
    void anUnknownClaimAsksOnlyForItsOwnFactsNeverTheOtherCandidates() {
        Evaluation result = evaluate(practice("delay", "infeasibility"),
                with("infeasibility.condition", "uncontrollable_event", "request.received_date", "2026-03-02",
                        "eval.as_of_date", "2026-03-04"));
        assertEquals(Verdict.NEEDS_MORE_FACTS, result.verdict());
        assertEquals(List.of("infeasibility.event_caused_inability", "infeasibility.written_notice_sent"), result.missingFacts());
        assertTrue(result.missingFacts().stream().noneMatch(f -> f.startsWith("harm.") || f.startsWith("privacy.")));
    }

    @Test
    void anUnknownClaimIsCoveredWhenAnotherCandidateIsDefinitelyMet() {
        Evaluation result = evaluate(practice("deny", "security"), HARM);
        assertEquals(Verdict.COVERED, result.verdict());
        assertEquals(List.of("171.201"), result.exceptionIds());
    }

    @Test
    void withoutAClaimAnyTrueCandidateCovers() {
        Evaluation result = evaluate(practice("make_unavailable", "none"), plus(HARM, "performance.reason", "to_prevent_harm"));
        assertEquals(Verdict.COVERED, result.verdict());
        assertEquals(List.of("171.205", "171.201"), result.exceptionIds(), "every true candidate, in catalog order");
    }

    @Test
    void withoutAClaimMissingFactsComeOnlyFromCandidatesThatCanStillHold() {
        // make_unavailable: 171.205 fails on its selector, 171.203 fails on (a); only 171.201 is open
        Evaluation result = evaluate(practice("make_unavailable", "none"),
                with("performance.reason", "maintenance_or_improvement", "performance.temporary", false,
                        "security.directly_related_to_cia", false, "harm.reasonable_belief", true));
        assertEquals(Verdict.NEEDS_MORE_FACTS, result.verdict());
        assertTrue(result.missingFacts().stream().allMatch(f -> f.startsWith("harm.") || f.equals("request.requester_type")),
                result.missingFacts().toString());
        assertTrue(result.missingFacts().contains("harm.no_broader_than_necessary"));
        assertFalse(result.missingFacts().contains("harm.reasonable_belief"), "already answered");
        assertEquals(List.of("HP-a", "SE-abc"), result.unmetConditions().stream().map(UnmetCondition::condition).toList());
    }

    @Test
    void withoutAClaimEveryCandidateFalseIsNotCoveredWithAllTheirFailures() {
        Evaluation result = evaluate(practice("condition_on_form_or_step", "none", "general_privacy_concern"),
                with("privacy.subexception", "precondition_not_satisfied", "privacy.precondition_required_by_law", false,
                        "security.directly_related_to_cia", false, "security.path", "none"));
        assertEquals(Verdict.NOT_COVERED, result.verdict());
        assertEquals(List.of("PR-b", "SE-abc", "SE-d", "SE-e"),
                result.unmetConditions().stream().map(UnmetCondition::condition).toList());
        assertTrue(result.otherCandidatesUnmet().isEmpty());
    }

    @Test
    void aDelayIsCheckedAgainst171202eOnly() {
        // a precondition would cover a denial, but not a delay (catalog.yaml: 171.202(e) only)
        Map<String, Object> precondition = with("privacy.subexception", "precondition_not_satisfied",
                "privacy.precondition_required_by_law", true, "privacy.precondition_unsatisfied", true,
                "privacy.tailored_to_precondition", true, "practice.consistent_nondiscriminatory", true,
                "privacy.documentation_basis", "case_by_case_record", "privacy.precondition_type", "court_order_or_legal_process",
                "harm.reasonable_belief", false, "infeasibility.condition", "none", "performance.reason",
                "maintenance_or_improvement", "performance.temporary", false, "security.directly_related_to_cia", false);
        assertEquals(Verdict.COVERED, evaluate(practice("deny", "none"), precondition).verdict());
        Evaluation delay = evaluate(practice("delay", "none"), precondition);
        assertEquals(Verdict.NOT_COVERED, delay.verdict());
        assertTrue(delay.unmetConditions().stream().anyMatch(u -> u.condition().equals("PR-e")));
    }

    @Test
    void fulfillingAsRequestedIsCoveredBy171301aAndTheHipaaClockStillRuns() {
        Evaluation result = evaluate(practice("fulfill_as_requested", "none"),
                with("request.requester_type", "patient", "request.received_date", "2026-03-02", "hipaa.days_to_action", 12));
        assertEquals(Verdict.COVERED, result.verdict());
        assertEquals(List.of("171.301"), result.exceptionIds());
        assertEquals(List.of("MA-a"), result.satisfiedConditions());
        assertEquals("hipaa_action", result.obligations().get(0).id());
        assertEquals("met", result.obligations().get(0).status().json());
        assertEquals(HipaaStatus.Status.COMPLIANT, result.hipaa().status());
    }

    @Test
    void aFeeForFulfillingAsRequestedIsCoveredBy171301WithAHipaaWarning() {
        Evaluation result = evaluate(practice("charge_fee", "none"),
                with("manner.fulfilled_as_requested", true, "fees.charged_to", "other_provider"));
        assertEquals(Verdict.COVERED, result.verdict());
        assertEquals(List.of("171.301"), result.exceptionIds());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("164.524(c)(4)")));
    }

    @Test
    void aPracticeTypeWithNoFittingExceptionIsNotCovered() {
        Evaluation result = evaluate(practice("license_terms", "none"),
                with("licensing.negotiation_start_business_days", 12));
        assertEquals(Verdict.NOT_COVERED, result.verdict());
        assertEquals("171.303(a)(1)", result.unmetConditions().get(0).cfr());
    }

    @Test
    void theOutputUsesTheContractsKeysAndWording() {
        String json = TestEngine.json(evaluate(practice("deny", "none", "unpaid_balance"), with()));
        for (String key : List.of("verdict", "exception_ids", "satisfied_conditions", "unmet_conditions",
                "other_candidates_unmet", "missing_facts", "obligations", "hipaa", "documentation_required", "warnings",
                "ruleset", "summary")) {
            assertTrue(json.contains("\"" + key + "\":"), key);
        }
        assertTrue(json.contains("\"verdict\":\"not_covered\""));
        assertEquals("no exception covers this practice", Verdict.NOT_COVERED.wording());
    }
}
