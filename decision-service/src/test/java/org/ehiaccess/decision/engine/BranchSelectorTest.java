package org.ehiaccess.decision.engine;

import static org.ehiaccess.decision.engine.Cases.with;
import static org.ehiaccess.decision.rules.logic.Tri.FALSE;
import static org.ehiaccess.decision.rules.logic.Tri.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Branch selectors (catalog.yaml): a branch selector set to none makes every branch false; a missing one leaves the
 * branches OR-ed and is itself reported missing.
 */
class BranchSelectorTest {

    /** selector, its branches, and facts that make every branch true apart from the selector. */
    static Stream<Arguments> selectors() {
        return Stream.of(
                Arguments.of("harm.determination_basis", List.of("PH-f"),
                        with("harm.policy_meets_requirements", true, "harm.determination_meets_requirements", true)),
                Arguments.of("privacy.subexception", List.of("PR-b", "PR-d", "PR-e"),
                        with("privacy.precondition_required_by_law", true, "privacy.precondition_unsatisfied", true,
                                "privacy.tailored_to_precondition", true, "practice.consistent_nondiscriminatory", true,
                                "privacy.documentation_basis", "written_policy_with_training",
                                "privacy.precondition_type", "identity_verification",
                                "request.requester_type", "patient", "privacy.hipaa_a2_ground", "inmate_copy",
                                "privacy.disclosure_required_by_law", false, "privacy.individual_requested_restriction", true,
                                "privacy.no_improper_inducement", true, "privacy.restriction_request_documented", true)),
                Arguments.of("security.path", List.of("SE-d", "SE-e"),
                        with("security.policy_written", true, "security.policy_risk_assessed", true,
                                "security.policy_standards_aligned", true, "security.policy_objective_timeframes", true,
                                "security.case_necessary", true, "security.case_no_less_restrictive_alternative", true)),
                Arguments.of("infeasibility.condition", List.of("IN-a1", "IN-a2", "IN-a3", "IN-a4", "IN-a5"),
                        with("infeasibility.event_caused_inability", true, "infeasibility.cannot_unambiguously_segment", true,
                                "infeasibility.segment_reason", "individual_preference",
                                "infeasibility.request_is_modification_use", true,
                                "infeasibility.requester_is_provider_asking_its_ba", false,
                                "infeasibility.manner_requested_failed", true, "infeasibility.alt_manners_offered_count", 3,
                                "infeasibility.alt_manner_includes_b1i_or_b1ii", true,
                                "infeasibility.same_access_to_substantial_number", false,
                                "infeasibility.factors_documented_before_response", true,
                                "infeasibility.relied_on_competition_or_fee", false)),
                Arguments.of("performance.reason", List.of("HP-a", "HP-b", "HP-cd"),
                        with("performance.temporary", true, "performance.no_longer_than_necessary", true,
                                "practice.consistent_nondiscriminatory", true, "harm.reasonable_belief", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectors")
    void noneMakesEveryBranchFalseAndMissingLeavesThemOpenAndAsksForIt(String selector, List<String> branches,
            Map<String, Object> facts) {
        if (!selector.equals("performance.reason")) { // performance.reason has no 'none' value
            Map<String, Object> none = Cases.plus(facts, selector, "none");
            for (String branch : branches) {
                assertEquals(FALSE, Cases.condition(branch, none).value(), branch + " with " + selector + " = none");
            }
        }
        for (String branch : branches) {
            var outcome = Cases.condition(branch, facts);
            assertEquals(UNKNOWN, outcome.value(), branch + " with " + selector + " missing");
            assertTrue(outcome.missing().contains(selector), branch + " asks " + outcome.missing());
        }
    }

    @Test
    void theEngineReportsAMissingSelectorAmongTheMissingFacts() {
        Evaluation result = TestEngine.evaluate(TestEngine.practice("deny", "security"),
                with("security.directly_related_to_cia", true, "security.tailored_to_specific_risk", true,
                        "practice.consistent_nondiscriminatory", true, "security.policy_written", true));
        assertEquals(Verdict.NEEDS_MORE_FACTS, result.verdict());
        assertTrue(result.missingFacts().contains("security.path"), result.missingFacts().toString());
    }

    @Test
    void whenABranchIsChosenTheOthersAreNotReportedAsUnmet() {
        Evaluation result = TestEngine.evaluate(TestEngine.practice("deny", "infeasibility"),
                with("infeasibility.condition", "segmentation", "infeasibility.cannot_unambiguously_segment", false,
                        "request.received_date", "2026-03-02", "infeasibility.written_notice_sent", true,
                        "infeasibility.written_notice_date", "2026-03-03", "infeasibility.written_notice_states_reasons", true));
        assertEquals(Verdict.NOT_COVERED, result.verdict());
        assertEquals(List.of("IN-a2"), result.unmetConditions().stream().map(UnmetCondition::condition).toList());
    }

    @Test
    void withTheSelectorAtNoneEveryBranchIsReported() {
        Evaluation result = TestEngine.evaluate(TestEngine.practice("deny", "infeasibility"),
                with("infeasibility.condition", "none", "request.received_date", "2026-03-02",
                        "infeasibility.written_notice_sent", true, "infeasibility.written_notice_date", "2026-03-03",
                        "infeasibility.written_notice_states_reasons", true));
        assertEquals(List.of("IN-a1", "IN-a2", "IN-a3", "IN-a4", "IN-a5"),
                result.unmetConditions().stream().map(UnmetCondition::condition).toList());
    }
}
